from gonghui.registry.models.applications import Application
from gonghui.registry.models.employers import Employer
from gonghui.registry.models.founding import FoundingContact
from gonghui.registry.models.members import Member

__all__ = ["Application", "Employer", "FoundingContact", "Member"]
