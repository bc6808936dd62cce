package io.quantra.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a login answers when the password was right but MFA must follow: a code for an
 * enrolled account (seed 000's {@code mfa_required}), or enrolment when the settings
 * demand MFA of an account that has none yet.
 */
final class MfaPrompts {

	private MfaPrompts() {
	}

	/**
	 * The prompt of a token login that must continue with MFA, carrying its MFA token
	 * under {@code tokenField} ({@code mfa_token} or, on {@code /api}, {@code mfaToken}).
	 */
	static Map<String, Object> pending(TokenLogins.Outcome outcome, String tokenField) {
		Map<String, Object> body = prompt(outcome.user());
		body.put(tokenField, outcome.mfaToken());
		return body;
	}

	static Map<String, Object> prompt(UserAccount user) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (user.mfaEnabled()) {
			body.put("status", "mfa_required");
			body.put("message", "Please provide your MFA code.");
		}
		else {
			body.put("status", "mfa_setup_required");
			body.put("message", "Multi-factor authentication is required: set it up with POST /mfa/setup and "
					+ "POST /mfa/enable to continue.");
		}
		return body;
	}

}
