from gonghui.core.models.audit import AuditAction, AuditEntry
from gonghui.core.models.documents import StoredDocument
from gonghui.core.models.idempotency import IdempotencyKey
from gonghui.core.models.jobs import Job, JobStatus
from gonghui.core.models.orgs import Organisation, OrgKind, OrgStatus
from gonghui.core.models.users import RoleAssignment, User
from gonghui.core.models.versions import DataVersion

__all__ = [
    "AuditAction",
    "AuditEntry",
    "DataVersion",
    "IdempotencyKey",
    "Job",
    "JobStatus",
    "OrgKind",
    "OrgStatus",
    "Organisation",
    "RoleAssignment",
    "StoredDocument",
    "User",
]
