"""The API's schema says every answer an operation can give, not only its success.

Every operation can answer 400 (a parameter or a body is wrong, or a list is given a parameter it
does not take), 401 (no or an expired token) and 403 (a role or the object's scope forbids it);
an operation on a record (a path with an id) can answer 404 (absent, or outside the caller's
scope: the two look the same), and so can a list (a cursor that points nowhere).
`GonghuiAutoSchema` adds those answers, with their bodies, to each operation that does not
describe them itself, and gives a body to those that describe one only in words, so a client
(and schemathesis' conformance checks in CI) can rely on the schema.
"""

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

VALIDATION_ERROR_BODY = {
    "type": "object",
    "description": "{字段: [消息]}；与字段无关的消息在 non_field_errors 或 detail 下",
    "additionalProperties": {},
}
DESCRIPTIONS = {
    "400": "输入有误：{字段: [消息]}，或列表收到了它不接受的参数",
    "401": "未登录，或令牌已失效",
    "403": "无权执行此操作",
    "404": "不存在或不在您的管理范围内",
}


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="说明，中文")

    class Meta:
        ref_name = "ErrorDetail"


class GonghuiAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            entry = responses.setdefault(code, {"description": DESCRIPTIONS[code]})
            if "content" not in entry:
                entry["content"] = {"application/json": {"schema": self._error_body(code)}}
        return responses

    def _error_codes(self) -> list[str]:
        codes = ["400"]
        if self._requires_sign_in():
            codes += ["401", "403"]
        if uses_path_parameters(self.path) or (self.method == "GET" and self._is_list_view()):
            codes.append("404")
        return codes

    def _requires_sign_in(self) -> bool:
        from rest_framework.permissions import AllowAny

        return not any(isinstance(p, AllowAny) for p in self.view.get_permissions())

    def _error_body(self, code: str) -> dict:
        if code == "400":
            return VALIDATION_ERROR_BODY
        return self.resolve_serializer(ErrorDetailSerializer, "response").ref


def uses_path_parameters(path: str) -> bool:
    return "{" in path
