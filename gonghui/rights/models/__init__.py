from gonghui.rights.models.cases import (
    Case,
    CaseDocument,
    CaseEvent,
    CaseNote,
    Counsel,
    LawFirm,
)
from gonghui.rights.models.contracts import (
    BargainingRound,
    CollectiveContract,
    ContractEmployer,
    Democracy,
    RoundOffer,
)
from gonghui.rights.models.risk import (
    EmployerRisk,
    Grid,
    GridEmployer,
    GridMember,
    MonitoringPoint,
    MonthlyReport,
    RiskRule,
    RiskWarning,
    WarningEscalation,
)
from gonghui.rights.models.service import DutySlot, Outreach, Reception, ServicePoint

__all__ = [
    "BargainingRound",
    "Case",
    "CaseDocument",
    "CaseEvent",
    "CaseNote",
    "CollectiveContract",
    "ContractEmployer",
    "Counsel",
    "Democracy",
    "DutySlot",
    "EmployerRisk",
    "Grid",
    "GridEmployer",
    "GridMember",
    "LawFirm",
    "MonitoringPoint",
    "MonthlyReport",
    "Outreach",
    "Reception",
    "RiskRule",
    "RiskWarning",
    "RoundOffer",
    "ServicePoint",
    "WarningEscalation",
]
