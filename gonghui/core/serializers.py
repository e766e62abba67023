"""API serializers: they check the shape of the input and the caller's reach over related ids;
the write itself is a service function's (see core.api.ScopedModelViewSet)."""

from collections.abc import Mapping

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gonghui.core.models import Organisation

OUT_OF_REACH = _("不存在或不在您的管理范围内")
# Sent by DRF's browsable API forms along with the fields.
IGNORED_INPUT = frozenset({"csrfmiddlewaretoken"})


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """The id of a record the caller may edit (`editable_by`), or the one the record already
    points to (an edit keeps what it cannot show). A missing id and one out of reach get the same
    message, so an answer never tells whether a record exists elsewhere."""

    default_error_messages = {
        "does_not_exist": OUT_OF_REACH,
        "incorrect_type": _("应为记录的 id（整数）"),
    }

    def get_queryset(self):
        request = self.context.get("request")
        model = self.queryset.model
        reachable = model.objects.editable_by(getattr(request, "user", None))
        current = self._current_pk()
        if current is None:
            return reachable
        return model.objects.filter(Q(pk__in=reachable.values("pk")) | Q(pk=current))

    def _current_pk(self):
        instance = getattr(self.parent, "instance", None)
        if instance is None or isinstance(instance, list | tuple) or not self.source_attrs:
            return None
        return getattr(instance, f"{self.source_attrs[-1]}_id", None)

    def to_internal_value(self, data):
        # Whole numbers only: not 1.5, not true, not "１２" (full-width digits).
        is_int = isinstance(data, int) and not isinstance(data, bool)
        if not (is_int or (isinstance(data, str) and data.isascii() and data.isdigit())):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class ScopedModelSerializer(serializers.ModelSerializer):
    """未知的字段名答 400，不会被静默丢弃；只读字段（例如把 GET 的结果原样 PUT 回来）被忽略。
    Unknown field names answer 400; read-only fields sent back are ignored."""

    # (The docstring above is the schema's description of every subclass without its own.)
    # Uniqueness is left to the services, whose messages name another record only to someone
    # who may see it.

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            known = self.fields.keys() | IGNORED_INPUT
            unknown = sorted(str(k) for k in data if k not in known)
            if unknown:
                raise serializers.ValidationError({k: [_("没有这个字段")] for k in unknown})
        return super().to_internal_value(data)


class OrganisationSerializer(ScopedModelSerializer):
    parent = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text=_(
            "上级工会的 id，须在您的可编辑范围内。只在新建时设置；"
            "改变上级（连同整个下级）请用 POST /api/organisations/{id}/move/。"
        ),
    )
    term_overdue = serializers.BooleanField(
        source="is_term_overdue", read_only=True, help_text=_("未按期换届（由任期届满日期推算）")
    )
    admits_members = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "会员可直接加入：基层工会、联合基层工会、产业(行业)工会，及设为兜底入会的乡镇(街道)总工会、园区工会"
        ),
    )

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
            "takes_fallback_members",
            "admits_members",
        ]
        validators = []  # the service checks names (scoped message), kinds and the tree

    def validate(self, attrs):
        request = self.context.get("request")
        if self.instance is not None:
            parent = attrs.pop("parent", self.instance.parent)
            if parent != self.instance.parent:
                raise serializers.ValidationError(
                    {"parent": _("改变上级工会请用 POST /api/organisations/{id}/move/")}
                )
        elif attrs.get("parent") is None:
            # Only a superuser may found a new county (a root); everyone else names a parent.
            if not getattr(getattr(request, "user", None), "is_superuser", False):
                raise serializers.ValidationError({"parent": _("请选择上级工会")})
            attrs["parent"] = None
        return attrs


class MoveSerializer(serializers.Serializer):
    new_parent = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("新的上级工会的 id，须在您的可编辑范围内，不能是本组织或其下级"),
    )
