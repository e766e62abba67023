from gonghui.registry.models.employers import Employer
from gonghui.registry.models.members import Member

__all__ = ["Employer", "Member"]
