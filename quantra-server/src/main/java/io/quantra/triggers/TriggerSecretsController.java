package io.quantra.triggers;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.triggers.TriggerSecretManagement.CreatedSecret;
import io.quantra.triggers.TriggerSecretRepository.StoredSecret;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /projects/{id}/trigger-secrets}: the secrets that sign {@code POST /run} for a
 * project (admin or above). A secret's value is in the creation response only.
 */
@RestController
class TriggerSecretsController {

	private final TriggerSecretManagement secrets;

	TriggerSecretsController(TriggerSecretManagement secrets) {
		this.secrets = secrets;
	}

	@Operation(summary = "Create a trigger secret (admin or above); the response is the only time it is shown")
	@PostMapping("/projects/{id}/trigger-secrets")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@PathVariable long id, @RequestBody NewSecret body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		CreatedSecret created = this.secrets.create(caller, id, body.name(), ClientInfo.of(request));
		Map<String, Object> view = view(created.stored());
		view.put("secret", created.secret());
		return view;
	}

	@Operation(summary = "A project's trigger secrets, without their values (admin or above)")
	@GetMapping("/projects/{id}/trigger-secrets")
	Map<String, Object> list(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return Map.of("trigger_secrets",
				this.secrets.list(caller, id).stream().map(TriggerSecretsController::view).toList());
	}

	@Operation(summary = "Delete a trigger secret; requests signed with it are refused from now on (admin or above)")
	@DeleteMapping("/projects/{id}/trigger-secrets/{secretId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @PathVariable long secretId, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		this.secrets.delete(caller, id, secretId, ClientInfo.of(request));
	}

	private static Map<String, Object> view(StoredSecret secret) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", secret.id());
		view.put("project_id", secret.projectId());
		view.put("name", secret.name());
		view.put("secret_hint", secret.hint() + "…");
		view.put("created_at", secret.createdAt().toString());
		view.put("last_used_at", (secret.lastUsedAt() != null) ? secret.lastUsedAt().toString() : null);
		return view;
	}

	record NewSecret(String name) {
	}

}
