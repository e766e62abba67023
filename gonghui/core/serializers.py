from rest_framework import serializers

from gonghui.core.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    term_overdue = serializers.BooleanField(source="is_term_overdue", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "kind",
            "parent",
            "depth",
            "credit_code",
            "chair",
            "founded_on",
            "term_ends_on",
            "term_overdue",
            "status",
        ]
