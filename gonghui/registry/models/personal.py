"""The encrypted ID number and phone columns that members and applications share, and what is
derived from them: the keyed hash for look-ups and the masked form every page shows."""

from gonghui.core import pii
from gonghui.core.validators import (
    ResidentId,
    mask_mobile,
    mask_resident_id,
    parse_resident_id,
    validate_mobile,
)


class PersonalNumbers:
    """Mixed into models with id_number/id_hash/id_masked and phone/phone_hash/phone_masked."""

    # An empty phone clears the columns unless the model must have one.
    phone_required = False

    def set_id_number(self, value: str) -> ResidentId:
        """Set the ID number and its hash and mask (validates); returns the parsed number."""
        rid = parse_resident_id(value)
        self.id_number = rid.number
        self.id_hash = pii.keyed_hash(rid.number)
        self.id_masked = mask_resident_id(rid.number)
        return rid

    def set_phone(self, value: str) -> None:
        if not value and not self.phone_required:
            self.phone = self.phone_hash = self.phone_masked = ""
            return
        number = validate_mobile(value)
        self.phone = number
        self.phone_hash = pii.keyed_hash(number)
        self.phone_masked = mask_mobile(number)
