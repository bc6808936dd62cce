package io.quantra.plugins.builtin;

import java.util.List;

import io.quantra.plugins.NodeType;

import org.springframework.stereotype.Component;

/**
 * {@code pii_redaction}: personal data masked in extracted text.
 */
@Component
class PiiRedactionPlugin extends BuiltInPlugin {

	PiiRedactionPlugin() {
		super("pii_redaction", NodeType.TOOL, "Redact PII",
				"Masks names, e-mail addresses, phone numbers, addresses and other personal data in text.",
				List.of("object", "table"), List.of("object", "table"));
	}

}
