package io.quantra.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.identity.UserAdministration.AccountChange;
import io.quantra.identity.UserAdministration.NewAccount;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users}: account administration for staff (seed 000).
 */
@RestController
class UsersController {

	private final UserAdministration administration;

	UsersController(UserAdministration administration) {
		this.administration = administration;
	}

	@Operation(summary = "List user accounts (staff only)")
	@GetMapping("/users")
	Map<String, Object> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset) {
		PageRequest page = PageRequest.of(limit, offset, 50, 200);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("users", this.administration.list(page.limit(), page.offset()).stream().map(this::view).toList());
		body.put("total", this.administration.count());
		body.put("limit", page.limit());
		body.put("offset", page.offset());
		return body;
	}

	@Operation(summary = "Create a user account (staff only)")
	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody NewUserBody body, @AuthenticationPrincipal CurrentUser actor,
			HttpServletRequest request) {
		return view(this.administration.create(new NewAccount(body.email(), body.firstName(), body.lastName(),
				body.password(), Boolean.TRUE.equals(body.staff())), actor, ClientInfo.of(request)));
	}

	@Operation(summary = "One user account (staff only)")
	@GetMapping("/users/{id}")
	Map<String, Object> get(@PathVariable long id) {
		return view(this.administration.get(id));
	}

	@Operation(summary = "Change, deactivate, unlock a user or reset their MFA (staff only)")
	@PatchMapping("/users/{id}")
	Map<String, Object> change(@PathVariable long id, @RequestBody ChangeBody body,
			@AuthenticationPrincipal CurrentUser actor, HttpServletRequest request) {
		AccountChange change = new AccountChange(body.firstName(), body.lastName(), body.active(), body.staff(),
				body.password(), body.unlock(), body.resetMfa());
		return view(this.administration.change(id, change, actor, ClientInfo.of(request)));
	}

	@Operation(summary = "Deactivate a user account; its history stays (staff only)")
	@DeleteMapping("/users/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivate(@PathVariable long id, @AuthenticationPrincipal CurrentUser actor, HttpServletRequest request) {
		this.administration.deactivate(id, actor, ClientInfo.of(request));
	}

	private Map<String, Object> view(UserAccount user) {
		Map<String, Object> view = UserViews.detail(user);
		view.put("mfa_enabled", user.mfaEnabled());
		view.put("is_locked", this.administration.lockedNow(user));
		return view;
	}

	record NewUserBody(String email, @JsonProperty("first_name") String firstName,
			@JsonProperty("last_name") String lastName, String password, @JsonProperty("is_staff") Boolean staff) {
	}

	record ChangeBody(@JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
			@JsonProperty("is_active") Boolean active, @JsonProperty("is_staff") Boolean staff, String password,
			Boolean unlock, @JsonProperty("reset_mfa") Boolean resetMfa) {
	}

}
