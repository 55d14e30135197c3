"""/start and /ayuda: who you are to the bot and what you can do."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import views
from bot.i18n import Html, t
from bot.roles import Role, role_of
from bot.services import BotContext
from handlers.access import lang_of, refuse
from handlers.shared import shared_receipt


async def start(update: Update, context: BotContext) -> None:
    """/start: a greeting with the commands of the user's role, or the polite refusal;
    /start <token> (a shared receipt's link) shows its customer copy to anyone."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    if context.args:
        await shared_receipt(update, context, context.args[0])
        return
    settings = context.services.settings
    role = role_of(settings, user.id)
    if role is Role.NONE:
        await refuse(update, context)
        return
    lang = lang_of(update)
    text = Html(t(lang, "start.reseller", name=user.first_name) + commands_of(role, lang))
    if role is Role.ADMIN and settings.uses_sandbox:
        text = Html(text + t(lang, "start.sandbox"))
    await context.bot.send_message(chat.id, text)


def commands_of(role: Role, lang: str) -> Html:
    """The commands a user of `role` has, one a line with what each does."""
    if role is Role.NONE:
        return t(lang, "commands.customer")
    text = Html(t(lang, "commands.reseller") + t(lang, "start.receipts"))
    return Html(text + t(lang, "start.admin_extra")) if role is Role.ADMIN else text


async def help_command(update: Update, context: BotContext) -> None:
    """/ayuda: the steps of a top-up."""
    chat = update.effective_chat
    user = update.effective_user
    if chat is None or user is None:
        return
    if role_of(context.services.settings, user.id) is Role.NONE:
        await refuse(update, context)
        return
    await context.bot.send_message(
        chat.id, t(lang_of(update), "help", example=views.example_phone())
    )


def start_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [
        CommandHandler("start", start),
        CommandHandler(["ayuda", "help"], help_command),
    ]
