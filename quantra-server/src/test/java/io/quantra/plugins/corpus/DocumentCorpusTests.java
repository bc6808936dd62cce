package io.quantra.plugins.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentCorpusTests {

	private final List<SyntheticDocument> corpus = DocumentCorpus.generate();

	@Test
	void holdsEnoughDocumentsOfEveryKindAndBothLanguages() {
		assertThat(this.corpus).hasSizeGreaterThanOrEqualTo(50);
		assertThat(this.corpus).extracting(SyntheticDocument::kind).contains(DocumentKind.values());
		assertThat(this.corpus).extracting(SyntheticDocument::language).contains("en", "de");
		assertThat(this.corpus).extracting(SyntheticDocument::id).doesNotHaveDuplicates();
	}

	@Test
	void isTheSameForTheSameSeedAndDiffersForAnother() {
		assertThat(DocumentCorpus.generate(DocumentCorpus.DEFAULT_SEED, DocumentCorpus.DEFAULT_COUNT))
			.isEqualTo(this.corpus);
		assertThat(DocumentCorpus.generate(7, 10)).isNotEqualTo(this.corpus.subList(0, 10));
		assertThat(DocumentCorpus.generate(DocumentCorpus.DEFAULT_SEED, 10)).isEqualTo(this.corpus.subList(0, 10));
	}

	@Test
	void everySpanIsExactAndNoneOverlap() {
		for (SyntheticDocument document : this.corpus) {
			Span previous = null;
			for (Span span : document.spans()) {
				assertThat(document.text().substring(span.start(), span.end())).as(document.id() + " " + span)
					.isEqualTo(span.value());
				assertThat(span.value()).as(document.id() + " " + span).isEqualTo(span.value().strip()).isNotEmpty();
				if (previous != null) {
					assertThat(span.start()).as(document.id() + " " + previous + " then " + span)
						.isGreaterThanOrEqualTo(previous.end());
				}
				previous = span;
			}
		}
	}

	@Test
	void valuesFollowTheRulesOfTheirKind() {
		for (SyntheticDocument document : this.corpus) {
			for (Span span : document.spans()) {
				String value = span.value();
				String what = document.id() + " " + span;
				switch (span.entity()) {
					case Span.CREDIT_CARD -> {
						assertThat(PiiValues.luhnValid(value)).as(what).isTrue();
						assertThat(value).as(what)
							.matches("(\\d{4}([ -])\\d{4}\\2\\d{4}\\2\\d{4})|(3[47]\\d{2}([ -])\\d{6}\\4\\d{5})");
					}
					case Span.IBAN -> {
						assertThat(PiiValues.ibanValid(value)).as(what).isTrue();
						assertThat(value).as(what).matches("([A-Z0-9]{4} )+[A-Z0-9]{1,4}");
					}
					case Span.SSN -> assertThat(PiiValues.ssnValid(value)).as(what).isTrue();
					case Span.EMAIL -> assertThat(value).as(what).matches("[a-z0-9._+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
					case Span.IP_ADDRESS -> assertThat(value).as(what)
						.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
					case Span.ADDRESS -> assertThat(value).as(what)
						.matches(
								"(?s).*(\\b[A-Z]{2} \\d{5}(-\\d{4})?|\\b\\d{5} [A-Z][\\p{L} ]+|[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2})");
					case Span.PHONE -> assertThat(value.replaceAll("\\D", "")).as(what).hasSizeBetween(9, 13);
					case Span.NAME -> assertThat(value).as(what).matches("[\\p{L}' .,-]+").doesNotContain("\n");
					case Span.DATE_OF_BIRTH -> assertThat(value).as(what).containsPattern("19\\d\\d|200\\d");
					default -> throw new IllegalStateException(what);
				}
			}
		}
	}

	@Test
	void everyEntityIsWellRepresented() {
		Map<String, Long> counts = this.corpus.stream()
			.flatMap((document) -> document.spans().stream())
			.collect(Collectors.groupingBy(Span::entity, Collectors.counting()));
		for (String entity : Span.ENTITIES) {
			assertThat(counts.getOrDefault(entity, 0L)).as(entity + " in " + counts).isGreaterThanOrEqualTo(20);
		}
		assertThat(counts.get(Span.NAME)).isGreaterThanOrEqualTo(150);
		assertThat(counts.get(Span.ADDRESS)).isGreaterThanOrEqualTo(80);
	}

	@Test
	void namesComeInManyShapesAndPlaces() {
		List<String> names = values(Span.NAME);
		assertThat(names).anyMatch((name) -> name.matches("[\\p{L}' -]+, [\\p{L}' -]+"));
		assertThat(names).anyMatch((name) -> name.matches(".* [A-Z]\\. .*"));
		assertThat(names).anyMatch((name) -> name.matches("[\\p{L}'-]+"));
		assertThat(names.stream().distinct().count()).isGreaterThan(120);
		String text = allText();
		assertThat(text).contains("Bill to:", "Dear ", "Signed: ", "Kind regards,", "Sehr geehrte", "Mit freundlichen",
				"geboren am", "Date of birth:", "DOB: ", "SSN: ", "Tel.: ");
	}

	@Test
	void looksAlikesThatAreNotPersonalDataArePresentAndUnmarked() {
		String text = allText();
		assertThat(text).containsPattern("INV-20\\d\\d-\\d{4}")
			.containsPattern("\\$\\d{1,3}(,\\d{3})*\\.\\d\\d")
			.containsPattern("\\d{1,3}(\\.\\d{3})*,\\d\\d EUR")
			.containsPattern("Invoice date: \\d\\d/\\d\\d/\\d{4}")
			.containsPattern("Due date: ")
			.containsPattern("Order No\\.: ")
			.contains("Acme GmbH", "Northwind Ltd", "Widget Pro 3000", "VAT Reg. No.: GB", "USt-IdNr.: DE")
			.containsPattern("Page 1 of [2-9]")
			.contains("Reference: ");
		for (SyntheticDocument document : this.corpus) {
			for (Span span : document.spans()) {
				assertThat(span.value()).as(document.id())
					.doesNotContainPattern("INV-|Acme|Northwind|GmbH|Ltd|Widget|Page \\d|EUR|\\$");
			}
		}
	}

	@Test
	void textCanBePrintedWithTheStandardPdfFonts() {
		for (SyntheticDocument document : this.corpus) {
			assertThat(Latin1.isLatin1(document.text())).as(document.id()).isTrue();
			for (String line : document.text().split("\n")) {
				assertThat(line.length()).as(document.id() + ": " + line).isLessThanOrEqualTo(80);
			}
		}
	}

	@Test
	void pagesSplitTheTextAndEndWithTheirNumber() {
		Map<Integer, Long> pageCounts = this.corpus.stream()
			.collect(Collectors.groupingBy(SyntheticDocument::pageCount, Collectors.counting()));
		assertThat(pageCounts.get(1)).isGreaterThan(this.corpus.size() / 2L);
		assertThat(pageCounts).containsKeys(2, 3);
		for (SyntheticDocument document : this.corpus) {
			List<PageText> pages = document.pages();
			StringBuilder joined = new StringBuilder();
			for (PageText page : pages) {
				assertThat(document.text().substring(page.documentStart(), page.documentEnd())).isEqualTo(page.text());
				assertThat(page.text()).as(document.id())
					.endsWith(
							" " + page.number() + (document.language().equals("de") ? " von " : " of ") + pages.size());
				assertThat(page.lines().length).as(document.id())
					.isLessThanOrEqualTo(DocumentComposer.BODY_LINES_PER_PAGE + 2);
				joined.append((joined.length() > 0) ? "\n" : "").append(page.text());
			}
			assertThat(joined.toString()).isEqualTo(document.text());
			for (Span span : document.spans()) {
				assertThat(pages).as(document.id() + " " + span + " must stay on one page")
					.anyMatch((page) -> page.documentStart() <= span.start() && span.end() <= page.documentEnd());
			}
		}
	}

	@Test
	void checksCatchBrokenValues() {
		assertThat(PiiValues.luhnValid("4111 1111 1111 1111")).isTrue();
		assertThat(PiiValues.luhnValid("4111 1111 1111 1112")).isFalse();
		assertThat(PiiValues.ibanValid("DE89 3704 0044 0532 0130 00")).isTrue();
		assertThat(PiiValues.ibanValid("DE89 3704 0044 0532 0130 01")).isFalse();
		assertThat(PiiValues.ssnValid("123-45-6789")).isTrue();
		assertThat(PiiValues.ssnValid("000-12-3456")).isFalse();
		assertThat(PiiValues.ssnValid("666-12-3456")).isFalse();
		assertThat(PiiValues.ssnValid("912-12-3456")).isFalse();
		assertThat(PiiValues.ssnValid("123-00-3456")).isFalse();
		assertThat(PiiValues.ssnValid("123-45-0000")).isFalse();
	}

	private List<String> values(String entity) {
		List<String> values = new ArrayList<>();
		this.corpus.forEach((document) -> document.spans(entity).forEach((span) -> values.add(span.value())));
		return values;
	}

	private String allText() {
		return this.corpus.stream().map(SyntheticDocument::text).collect(Collectors.joining("\n"));
	}

}
