package io.quantra.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind user accounts.
 */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, email, first_name, last_name, password_hash, is_staff, is_superuser, "
			+ "is_active, created_at, updated_at, failed_logins, locked_until, token_generation, mfa_enabled, mfa_secret, "
			+ "mfa_pending_secret";

	private final JdbcClient jdbc;

	private final Clock clock;

	UserRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Inserts a new account; fails with a {@code DuplicateKeyException} when the e-mail
	 * address is taken.
	 */
	UserId insert(NewUser user) {
		Timestamp now = Timestamp.from(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into users (email, first_name, last_name, password_hash, is_staff, is_superuser, is_active, "
					+ "created_at, updated_at) values (:email, :first, :last, :hash, :staff, :superuser, true, :now, :now)")
			.param("email", normalizeEmail(user.email()))
			.param("first", user.firstName())
			.param("last", user.lastName())
			.param("hash", user.passwordHash())
			.param("staff", user.staff())
			.param("superuser", user.superuser())
			.param("now", now)
			.update(keys, "id");
		return new UserId(Objects.requireNonNull(keys.getKey(), "generated id").longValue());
	}

	Optional<UserAccount> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from users where email = :email")
			.param("email", normalizeEmail(email))
			.query(UserRepository::map)
			.optional();
	}

	Optional<UserAccount> findById(UserId id) {
		return this.jdbc.sql("select " + COLUMNS + " from users where id = :id")
			.param("id", id.value())
			.query(UserRepository::map)
			.optional();
	}

	boolean anyActiveStaff() {
		return this.jdbc.sql("select count(*) from users where is_staff = true and is_active = true")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts a failed login; when the count reaches {@code maxAttempts} the account is
	 * locked until {@code lockedUntil} and the count starts again.
	 * @return whether this failure locked the account
	 */
	boolean recordFailedLogin(UserId id, int maxAttempts, Instant lockedUntil) {
		this.jdbc.sql("update users set failed_logins = failed_logins + 1 where id = :id")
			.param("id", id.value())
			.update();
		return this.jdbc
			.sql("update users set locked_until = :until, failed_logins = 0 where id = :id and failed_logins >= :max")
			.param("until", Timestamp.from(lockedUntil))
			.param("max", maxAttempts)
			.param("id", id.value())
			.update() > 0;
	}

	void recordSuccessfulLogin(UserId id) {
		this.jdbc
			.sql("update users set failed_logins = 0, locked_until = null where id = :id and "
					+ "(failed_logins <> 0 or locked_until is not null)")
			.param("id", id.value())
			.update();
	}

	/**
	 * Ends every access token issued so far by moving the account to a new token
	 * generation.
	 */
	void advanceTokenGeneration(UserId id) {
		this.jdbc.sql("update users set token_generation = token_generation + 1, updated_at = :now where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id.value())
			.update();
	}

	List<UserAccount> list(int limit, int offset) {
		return this.jdbc.sql("select " + COLUMNS + " from users order by id limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(UserRepository::map)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	void updateProfile(UserId id, String firstName, String lastName) {
		this.jdbc.sql("update users set first_name = :first, last_name = :last, updated_at = :now where id = :id")
			.param("first", firstName)
			.param("last", lastName)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id.value())
			.update();
	}

	void updateFlags(UserId id, boolean active, boolean staff) {
		this.jdbc.sql("update users set is_active = :active, is_staff = :staff, updated_at = :now where id = :id")
			.param("active", active)
			.param("staff", staff)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id.value())
			.update();
	}

	void updatePassword(UserId id, String passwordHash) {
		this.jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
			.param("hash", passwordHash)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id.value())
			.update();
	}

	void unlock(UserId id) {
		this.jdbc.sql("update users set failed_logins = 0, locked_until = null where id = :id")
			.param("id", id.value())
			.update();
	}

	static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(new UserId(rs.getLong("id")), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("password_hash"), rs.getBoolean("is_staff"),
				rs.getBoolean("is_superuser"), rs.getBoolean("is_active"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("failed_logins"), instant(rs, "locked_until"),
				rs.getInt("token_generation"), rs.getBoolean("mfa_enabled"), rs.getString("mfa_secret"),
				rs.getString("mfa_pending_secret"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The fields of an account about to be created; the password is already hashed.
	 */
	record NewUser(String email, String firstName, String lastName, String passwordHash, boolean staff,
			boolean superuser) {

	}

}
