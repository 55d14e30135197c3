"""The composition root: the database, the provider's client and the use cases, built
and wired together when the application starts and closed when it stops."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from telegram.ext import Application, ExtBot

from bot.background import Background
from bot.config import Settings
from bot.latcom.client import LatcomClient
from bot.latcom.sandbox import Sandbox
from bot.latcom.transport import SandboxTransport
from bot.messenger import Messenger
from bot.services import Services
from bot.usecases.account import ProviderAccount
from bot.usecases.alerts import ProviderAlerts
from bot.usecases.balances import Balances
from bot.usecases.charts import Charts
from bot.usecases.customers import Customers
from bot.usecases.deposits import Deposits
from bot.usecases.exports import Exports
from bot.usecases.funds import Funds
from bot.usecases.inbox import UpdateInbox
from bot.usecases.invitations import Invitations
from bot.usecases.menus import Menus
from bot.usecases.outcomes import Outcomes
from bot.usecases.people import People
from bot.usecases.purchases import Purchases
from bot.usecases.receipts import Receipts
from bot.usecases.replays import ReplayGuard
from bot.usecases.reports import Reports
from bot.usecases.resellers import Resellers
from bot.usecases.settlement import Settlement
from bot.usecases.sharing import Sharing
from bot.usecases.statement import Statements
from bot.usecases.summaries import DailySummary
from bot.usecases.terms import Terms
from bot.usecases.topup import TopUp
from storage.alerts import AlertRepository
from storage.charts import ChartRepository
from storage.customers import CustomerRepository
from storage.db import Database
from storage.deposits import DepositRepository
from storage.drafts import DraftRepository
from storage.exports import ExportReader
from storage.history import HistoryRepository
from storage.inbox import InboxRepository
from storage.invitations import InvitationRepository
from storage.languages import LanguageRepository
from storage.notices import NoticeRepository
from storage.purchases import PurchaseRepository
from storage.reports import ReportRepository
from storage.reseller_list import ResellerListRepository
from storage.resellers import ResellerRepository
from storage.settlements import SettlementRepository
from storage.shares import ShareRepository
from storage.statements import StatementRepository
from storage.summaries import SummaryRepository
from storage.terms import TermsRepository
from storage.updates import UpdateRepository
from storage.wallets import WalletRepository

logger = logging.getLogger(__name__)


def latcom_client(settings: Settings, transport: httpx.AsyncBaseTransport | None) -> LatcomClient:
    """The distributor's client; without credentials, the embedded sandbox behind it."""
    customer_id, secret_key = settings.latcom_credentials()
    if transport is None and settings.uses_sandbox:
        transport = SandboxTransport(
            Sandbox(customer_id=customer_id, secret_key=secret_key.get_secret_value())
        )
    return LatcomClient(
        settings.latcom_api_base_url,
        customer_id,
        secret_key,
        purchase_timeout=settings.purchase_timeout_seconds,
        transport=transport,
    )


class Resources:
    """What the services hold open, closed in the reverse order."""

    def __init__(self, database: Database, client: LatcomClient) -> None:
        self.database = database
        self.client = client


async def open_services(
    settings: Settings,
    bot: ExtBot[Any],
    application: Application[Any, Any, Any, Any, Any, Any],
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[Services, Resources]:
    database = await Database.open(settings.database_path)
    client = latcom_client(settings, transport)
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    history, customers = HistoryRepository(database), CustomerRepository(database)
    messenger, background = Messenger(bot), Background(application)
    people = People(settings.admin_ids, customers, LanguageRepository(database))
    menus = Menus(bot, people)
    accounts, statements = ResellerRepository(database), StatementRepository(database)
    resellers = Resellers(
        accounts,
        ResellerListRepository(database),
        people,
        messenger,
        menus,
        settings.zone,
    )
    outcomes = Outcomes(
        NoticeRepository(database), customers, people, messenger, settings.zone, statements
    )
    provider = ProviderAccount(client)
    alerts = ProviderAlerts(
        AlertRepository(database),
        provider,
        people,
        messenger,
        threshold=settings.low_balance_alert,
        outage_after=settings.outage_alert_after,
    )
    reports = Reports(
        ReportRepository(database),
        accounts,
        resellers,
        provider,
        statements,
        settings.zone,
        settings.admin_ids,
    )
    settlement = Settlement(
        SettlementRepository(database), purchases, drafts, outcomes, people, messenger
    )
    services = Services(
        settings=settings,
        messenger=messenger,
        background=background,
        people=people,
        replays=ReplayGuard(UpdateRepository(database)),
        inbox=UpdateInbox(InboxRepository(database)),
        topup=TopUp(drafts, history, people),
        purchases=Purchases(
            purchases, client, outcomes, messenger, background, settings.zone, alerts
        ),
        outcomes=outcomes,
        settlement=settlement,
        receipts=Receipts(history, statements),
        sharing=Sharing(ShareRepository(database), history),
        customers=Customers(customers, history),
        account=provider,
        menus=menus,
        resellers=resellers,
        invitations=Invitations(InvitationRepository(database), people, menus, messenger),
        terms=Terms(
            TermsRepository(database), resellers, WalletRepository(database), people, messenger
        ),
        balances=Balances(provider, WalletRepository(database), statements),
        statements=Statements(statements, accounts, resellers),
        deposits=Deposits(
            DepositRepository(database),
            accounts,
            drafts,
            people,
            messenger,
            settings.zone,
        ),
        funds=Funds(resellers, WalletRepository(database), people, messenger),
        charts=Charts(ChartRepository(database), resellers, settings.zone),
        alerts=alerts,
        exports=Exports(ExportReader(database), resellers, background, settings.zone),
        reports=reports,
        summaries=DailySummary(
            settings.daily_summary_at,
            reports,
            SummaryRepository(database),
            accounts,
            people,
            messenger,
            settings.zone,
        ),
    )
    await services.replays.load()
    await resellers.load(settings.reseller_ids)
    return services, Resources(database, client)


async def close_services(services: Services, resources: Resources) -> None:
    await services.background.wait_idle()
    await resources.client.aclose()
    try:
        await services.replays.close()  # the update ids not stored yet
        await services.inbox.close()  # the updates handled, not taken out yet
    finally:
        await resources.database.close()
