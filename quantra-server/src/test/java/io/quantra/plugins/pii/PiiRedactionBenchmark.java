package io.quantra.plugins.pii;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.quantra.plugins.pii.PiiRedactor.Mode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Redaction of one megabyte of invoice-like text on one thread, every kind of data the
 * detectors know asked for, names and addresses included. {@code bench/pii.sh} runs it
 * and turns operations per second into megabytes per second. {@code density} is the share
 * of lines that hold personal data.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PiiRedactionBenchmark {

	/** Characters of text per operation. */
	public static final int SIZE = 1_000_000;

	private static final String[] PERSONAL = { "Contact: ada.lovelace@example.org, Tel. +44 20 7946 0958.",
			"Pay to IBAN DE89 3704 0044 0532 0130 00 by the due date.",
			"Card on file 4111 1111 1111 1111, billing server 192.168.10.254.",
			"Date of birth: 04/07/1985, SSN 123-45-6789.", "Phone: (555) 123-4567 or 555-867-5309 after six.",
			"Bill to: Anna Schmidt, Hauptstraße 5, 10115 Berlin.",
			"Dear Mr. Okafor, your parcel to 221B Baker Street, London NW1 6XE has shipped." };

	private static final String[] PLAIN = { "Invoice no. 2024-001234 dated 01.03.2024, due within 30 days.",
			"Item 1234567 x 3 units at 19.99 EUR each, total 59.97 EUR plus VAT 19 %.",
			"The services were delivered as agreed in the framework contract of 12 January.",
			"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
			"Payment terms: net 30; late payments accrue interest at the statutory rate." };

	@Param({ "0.1", "0.5" })
	public double density;

	private String text;

	private final PiiDetector detector = new PiiDetector();

	private final PiiRedactor redactor = new PiiRedactor(Mode.MASK, null, null);

	private final Set<PiiEntity> entities = EnumSet.allOf(PiiEntity.class);

	@Setup
	public void text() {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder(SIZE + 200);
		while (text.length() < SIZE) {
			String[] lines = (random.nextDouble() < this.density) ? PERSONAL : PLAIN;
			text.append(lines[random.nextInt(lines.length)]).append('\n');
		}
		this.text = text.substring(0, SIZE);
	}

	@Benchmark
	public String redact() {
		return this.redactor.redact(this.text, this.detector.find(this.text, this.entities)).text();
	}

}
