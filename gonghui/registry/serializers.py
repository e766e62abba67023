from rest_framework import serializers

from gonghui.registry.models import Employer, Member


class EmployerSerializer(serializers.ModelSerializer):
    union_status = serializers.CharField(source="union_status.value", read_only=True)

    class Meta:
        model = Employer
        fields = [
            "id",
            "credit_code",
            "name",
            "territory",
            "union",
            "union_status",
            "industry",
            "ownership",
            "headcount",
            "founded_on",
            "has_party_branch",
            "operating_status",
            "is_well_known",
        ]


class MemberSerializer(serializers.ModelSerializer):
    # Personal data leaves the server masked; revealing is a page action that is audited.
    id_number = serializers.CharField(source="id_masked", read_only=True)
    phone = serializers.CharField(source="phone_masked", read_only=True)

    class Meta:
        model = Member
        fields = [
            "id",
            "name",
            "id_number",
            "phone",
            "gender",
            "birth_year",
            "union",
            "employer",
            "employment_form",
            "is_migrant_worker",
            "joined_on",
            "status",
            "left_on",
            "source",
        ]
