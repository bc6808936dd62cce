package io.quantra.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.admin.SettingsManagement.SettingsChange;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /settings}: session timeout, lockout rules, the MFA requirement and
 * whether webhooks may reach private addresses (staff only).
 */
@RestController
class SettingsController {

	private final SettingsManagement settings;

	SettingsController(SettingsManagement settings) {
		this.settings = settings;
	}

	@Operation(summary = "Read the security settings (staff only)")
	@GetMapping("/settings")
	Map<String, Object> read() {
		return body(this.settings.security());
	}

	@Operation(summary = "Change security settings; absent fields keep their value (staff only)")
	@PutMapping("/settings")
	Map<String, Object> update(@RequestBody SettingsBody body, @AuthenticationPrincipal CurrentUser actor,
			HttpServletRequest request) {
		SettingsChange change = new SettingsChange(body.sessionTimeoutMinutes(), body.maxLoginAttempts(),
				body.lockoutMinutes(), body.mfaRequired(), body.webhooksAllowPrivateTargets());
		return body(this.settings.update(change, actor, ClientInfo.of(request)));
	}

	private static Map<String, Object> body(SecuritySettings settings) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("session_timeout_minutes", settings.sessionTimeoutMinutes());
		body.put("max_login_attempts", settings.maxLoginAttempts());
		body.put("lockout_minutes", settings.lockoutMinutes());
		body.put("mfa_required", settings.mfaRequired());
		body.put("webhooks_allow_private_targets", settings.webhooksAllowPrivateTargets());
		return body;
	}

	record SettingsBody(@JsonProperty("session_timeout_minutes") Integer sessionTimeoutMinutes,
			@JsonProperty("max_login_attempts") Integer maxLoginAttempts,
			@JsonProperty("lockout_minutes") Integer lockoutMinutes, @JsonProperty("mfa_required") Boolean mfaRequired,
			@JsonProperty("webhooks_allow_private_targets") Boolean webhooksAllowPrivateTargets) {
	}

}
