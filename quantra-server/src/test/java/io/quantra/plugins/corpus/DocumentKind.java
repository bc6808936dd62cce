package io.quantra.plugins.corpus;

/**
 * What a synthetic document pretends to be; each kind has its own layout and its own mix
 * of personal data.
 */
public enum DocumentKind {

	INVOICE, CONTRACT, LETTER, FORM

}
