from gonghui.aid.models.benefits import BenefitOffer, Merchant, Redemption
from gonghui.aid.models.care import CareCampaign, CareVisit
from gonghui.aid.models.documents import Document
from gonghui.aid.models.hardship import HardshipFile, HouseholdMember
from gonghui.aid.models.insurance import Claim, ClaimPayment, Enrolment, InsurancePlan
from gonghui.aid.models.payments import Payment, PaymentBatch
from gonghui.aid.models.programmes import AidApplication, Programme, ProgrammeKind, ReviewStep
from gonghui.aid.models.refunds import FeeRefund, RefundPayment, RefundPolicy

__all__ = [
    "AidApplication",
    "BenefitOffer",
    "CareCampaign",
    "CareVisit",
    "Claim",
    "ClaimPayment",
    "Document",
    "Enrolment",
    "FeeRefund",
    "HardshipFile",
    "HouseholdMember",
    "InsurancePlan",
    "Merchant",
    "Payment",
    "PaymentBatch",
    "Programme",
    "ProgrammeKind",
    "Redemption",
    "RefundPayment",
    "RefundPolicy",
    "ReviewStep",
]
