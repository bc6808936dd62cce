/**
 * The browser console: static ES modules served from the jar at {@code /}, and the rules
 * that let a browser load them under a strict Content-Security-Policy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console", allowedDependencies = "platform")
package io.quantra.web;
