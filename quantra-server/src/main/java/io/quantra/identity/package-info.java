/**
 * Identity: user accounts, password hashing and policy, and the staff account created on
 * first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "admin" })
package io.quantra.identity;
