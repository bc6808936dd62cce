package io.quantra.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.identity.JwtTokens.TokenType;
import io.quantra.identity.MfaService.Enrolment;
import io.quantra.identity.SessionRepository.StoredSession;
import io.quantra.identity.SessionService.NewSession;
import io.quantra.identity.TokenService.TokenPair;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /mfa/*}: enrol in, verify and disable TOTP multi-factor authentication. A login
 * that needs MFA is continued either by the console session cookie it set or by the
 * {@code mfa_token} a token login returned; until then it grants nothing else.
 */
@RestController
class MfaController {

	private final MfaService mfa;

	private final LoginService logins;

	private final SessionService sessions;

	private final TokenService tokens;

	private final JwtTokens jwt;

	private final UserRepository users;

	MfaController(MfaService mfa, LoginService logins, SessionService sessions, TokenService tokens, JwtTokens jwt,
			UserRepository users) {
		this.mfa = mfa;
		this.logins = logins;
		this.sessions = sessions;
		this.tokens = tokens;
		this.jwt = jwt;
		this.users = users;
	}

	@Operation(summary = "Start MFA enrolment: a new TOTP secret, its otpauth URI and that URI as an SVG QR code")
	@PostMapping("/mfa/setup")
	Map<String, Object> setup(@RequestBody(required = false) MfaRequest body, HttpServletRequest request) {
		Caller caller = caller(request, body);
		requireEnrolmentAllowed(caller);
		Enrolment enrolment = this.mfa.setup(caller.user());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("secret", enrolment.secret());
		response.put("otpauth_uri", enrolment.otpauthUri());
		response.put("qr_svg", QrCodes.svg(enrolment.otpauthUri()));
		return response;
	}

	@Operation(summary = "Confirm enrolment with a code; returns 10 single-use recovery codes, shown once")
	@PostMapping("/mfa/enable")
	Map<String, Object> enable(@RequestBody MfaRequest body, HttpServletRequest request, HttpServletResponse response) {
		Caller caller = caller(request, body);
		requireEnrolmentAllowed(caller);
		ClientInfo client = ClientInfo.of(request);
		List<String> codes = this.mfa.enable(caller.user(), body.code(), client);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", "success");
		result.put("recovery_codes", codes);
		result.putAll(completeLogin(caller, request, response, client));
		return result;
	}

	@Operation(summary = "Turn MFA off, confirmed with a current code or a recovery code")
	@PostMapping("/mfa/disable")
	Map<String, Object> disable(@RequestBody MfaRequest body, HttpServletRequest request) {
		Caller caller = caller(request, body);
		if (caller.kind() != CallerKind.SIGNED_IN) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign in before turning MFA off.");
		}
		this.mfa.disable(caller.user(), body.code(), ClientInfo.of(request));
		return Map.of("status", "success", "message", "MFA disabled.");
	}

	@Operation(summary = "Finish a login that needs MFA with a TOTP or recovery code")
	@PostMapping("/mfa/verify")
	Map<String, Object> verify(@RequestBody MfaRequest body, HttpServletRequest request, HttpServletResponse response) {
		Caller caller = caller(request, body);
		if (caller.kind() == CallerKind.SIGNED_IN) {
			throw ApiException.conflict("This login is complete already.");
		}
		if (!caller.user().mfaEnabled()) {
			throw ApiException.badRequest("Set up MFA first: POST /mfa/setup, then POST /mfa/enable.");
		}
		ClientInfo client = ClientInfo.of(request);
		if (!this.mfa.verify(caller.user(), body.code(), client)) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "Invalid MFA code.");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("status", "success");
		result.put("message", "MFA verification successful.");
		result.putAll(completeLogin(caller, request, response, client));
		return result;
	}

	/**
	 * Turns a pending login into a complete one: a fresh session token, or a token pair.
	 */
	private Map<String, Object> completeLogin(Caller caller, HttpServletRequest request, HttpServletResponse response,
			ClientInfo client) {
		if (caller.kind() == CallerKind.PENDING_SESSION) {
			NewSession session = this.sessions.completeMfa(caller.session());
			SessionCookies.set(request, response, session.token(), session.csrfToken());
			this.logins.succeeded(caller.user(), client, "session");
			return Map.of();
		}
		if (caller.kind() == CallerKind.PENDING_TOKEN) {
			UserAccount user = this.users.findById(caller.user().id()).orElseThrow();
			TokenPair pair = this.tokens.issue(user, client);
			this.logins.succeeded(user, client, "jwt");
			return TokenController.body(pair);
		}
		return Map.of();
	}

	private void requireEnrolmentAllowed(Caller caller) {
		if (caller.kind() != CallerKind.SIGNED_IN && caller.user().mfaEnabled()) {
			throw ApiException.badRequest("This login needs an MFA code: POST /mfa/verify.");
		}
	}

	private Caller caller(HttpServletRequest request, MfaRequest body) {
		Optional<CurrentUser> current = CurrentUser.current();
		if (current.isPresent()) {
			if (current.get().method() == CurrentUser.AuthenticationMethod.API_TOKEN) {
				throw ApiException.permissionDenied("API tokens cannot manage MFA; sign in to the console.");
			}
			return new Caller(CallerKind.SIGNED_IN, account(current.get().userId()), null);
		}
		String mfaToken = (body != null) ? body.mfaToken() : null;
		if (mfaToken != null) {
			UserAccount user = this.jwt.verify(mfaToken, TokenType.MFA)
				.flatMap((claims) -> this.users.findById(new UserId(claims.userId()))
					.filter((account) -> account.active() && account.tokenGeneration() == claims.generation()))
				.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED,
						"The MFA token is invalid or has expired; sign in again."));
			return new Caller(CallerKind.PENDING_TOKEN, user, null);
		}
		String cookie = SessionCookies.read(request, SessionCookies.SESSION);
		Optional<StoredSession> session = (cookie != null) ? this.sessions.find(cookie) : Optional.empty();
		if (session.isPresent() && !session.get().mfaVerified()) {
			return new Caller(CallerKind.PENDING_SESSION, account(session.get().userId().value()), session.get());
		}
		throw new ApiException(ErrorCode.UNAUTHORIZED, "No login is waiting for MFA; sign in first.");
	}

	private UserAccount account(long id) {
		return this.users.findById(new UserId(id))
			.filter(UserAccount::active)
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "The account is not active."));
	}

	record MfaRequest(String code, @JsonProperty("mfa_token") String mfaToken) {
	}

	private enum CallerKind {

		SIGNED_IN, PENDING_SESSION, PENDING_TOKEN

	}

	private record Caller(CallerKind kind, UserAccount user, StoredSession session) {
	}

}
