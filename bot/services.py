"""The use cases the handlers and jobs reach, one per capability, opened together."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.background import Background
from bot.config import Settings
from bot.messenger import Messenger
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


@dataclass(slots=True)
class Services:
    settings: Settings
    messenger: Messenger
    background: Background  # purchases in flight
    people: People  # who is who; admins' languages
    replays: ReplayGuard  # updates handled before: once
    inbox: UpdateInbox  # updates fetched and not handled yet, kept across a crash
    topup: TopUp  # the conversation: phone → product → amount → summary
    purchases: Purchases  # ✅: place, send once, recover
    outcomes: Outcomes  # who hears of an outcome, until they have
    settlement: Settlement  # admins settle what is pending verification
    receipts: Receipts  # /recibos, /recibo
    sharing: Sharing  # the customer copy's link
    customers: Customers  # verified numbers, their top-ups and notices
    account: ProviderAccount  # /saldo
    menus: Menus  # each role's command menu
    resellers: Resellers  # resellers' accounts: named, added, listed, suspended
    invitations: Invitations  # /alta's one-time links, and the shop's name they ask
    terms: Terms  # /credito, /comision, /limite
    balances: Balances  # /saldo: a reseller's account; admins' provider balance and totals
    statements: Statements  # /movimientos
    deposits: Deposits  # deposits resellers report, admins approve or reject
    funds: Funds  # admins' own credits and adjustments
    charts: Charts  # /grafica
    alerts: ProviderAlerts  # the provider's balance low, a run of unknown outcomes
    exports: Exports  # /exportar: a period's sales and movements as CSV
    reports: Reports  # /corte, /reporte
    summaries: DailySummary  # DAILY_SUMMARY_AT, /resumen

    @property
    def zone(self) -> ZoneInfo:
        return self.settings.zone
