"""API sign-in: exchange e-mail and password for a token."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from placement.accounts import mfa
from placement.accounts.tokens import issue_token


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)
    otp = serializers.RegexField(
        r"^[0-9a-z ]{6,20}$",
        max_length=20,
        required=False,
        write_only=True,
        help_text="Officers, supervisors, administrators and privacy officers: the code of "
        "their authenticator app (or a recovery code).",
    )


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=40)


class ObtainTokenView(APIView):
    """POST {email, password} -> {token}. Failed attempts count towards the lockout."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer, 400: None, 429: None},
    )
    def post(self, request: Request) -> Response:
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(
            request._request,
            username=data.validated_data["email"].lower(),
            password=data.validated_data["password"],
        )
        if user is None or not user.is_active:
            return Response(
                {"non_field_errors": [_("The e-mail address or password is not correct.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if user.needs_second_factor:
            code = data.validated_data.get("otp", "")
            if not mfa.is_enrolled(user):
                message = _("Set up the sign-in confirmation in the browser first.")
                return Response({"otp": [message]}, status=status.HTTP_400_BAD_REQUEST)
            if not code or mfa.verify(user=user, token=code) is None:
                message = _("Enter the current code of your authenticator app.")
                return Response({"otp": [message]}, status=status.HTTP_400_BAD_REQUEST)
        token = issue_token(user)
        return Response({"token": token.key})
