from gonghui.core.models.audit import AuditAction, AuditEntry
from gonghui.core.models.jobs import Job, JobStatus
from gonghui.core.models.orgs import Organisation, OrgKind, OrgStatus
from gonghui.core.models.users import RoleAssignment, User

__all__ = [
    "AuditAction",
    "AuditEntry",
    "Job",
    "JobStatus",
    "OrgKind",
    "OrgStatus",
    "Organisation",
    "RoleAssignment",
    "User",
]
