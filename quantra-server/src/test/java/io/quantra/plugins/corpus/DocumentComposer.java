package io.quantra.plugins.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.quantra.plugins.corpus.CorpusLexicon.DeCity;
import io.quantra.plugins.corpus.CorpusLexicon.Product;
import io.quantra.plugins.corpus.CorpusLexicon.UkTown;
import io.quantra.plugins.corpus.CorpusLexicon.UsCity;

import static io.quantra.plugins.corpus.DocumentWriter.marked;

/**
 * Lays out one document of a given kind and region. Every postal address, e-mail address
 * and phone number is marked, whoever it belongs to (a detector cannot tell a company's
 * address from a person's); names are marked only for people, never for companies or
 * products.
 */
final class DocumentComposer {

	static final int LINE_WIDTH = 78;

	static final int BODY_LINES_PER_PAGE = 42;

	private static final String LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	private final Random random;

	private final PiiValues values;

	private final Region region;

	private final DocumentWriter out;

	private final LocalDate today;

	private DocumentComposer(Random random, Region region) {
		this.random = random;
		this.values = new PiiValues(random);
		this.region = region;
		this.out = new DocumentWriter(BODY_LINES_PER_PAGE, german() ? "Seite %d von %s" : "Page %d of %s");
		this.today = LocalDate.of(2024 + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
	}

	static SyntheticDocument compose(String id, DocumentKind kind, Region region, Random random) {
		DocumentComposer composer = new DocumentComposer(random, region);
		switch (kind) {
			case INVOICE -> composer.invoice();
			case CONTRACT -> composer.contract();
			case LETTER -> composer.letter();
			case FORM -> composer.form();
		}
		return composer.out.finish(id, kind, region);
	}

	// ---- people and places

	record Person(String given, String middle, String surname, LocalDate born) {

		String full() {
			return (this.middle != null) ? this.given + " " + this.middle + ". " + this.surname
					: this.given + " " + this.surname;
		}

		String inverted() {
			return this.surname + ", " + this.given;
		}

	}

	private Person person() {
		String middle = (this.random.nextInt(5) == 0)
				? String.valueOf(CorpusLexicon.INITIALS.charAt(this.random.nextInt(CorpusLexicon.INITIALS.length())))
				: null;
		return new Person(pick(CorpusLexicon.GIVEN_NAMES), middle, pick(CorpusLexicon.SURNAMES),
				this.values.birthDate());
	}

	/** The name as written in running text: mostly in full, sometimes surname first. */
	private String nameOf(Person person) {
		return (this.random.nextInt(6) == 0) ? person.inverted() : person.full();
	}

	record Place(String street, String locality, String country, String phoneArea) {

		String block() {
			return this.street + "\n" + this.locality;
		}

		String inline() {
			return this.street + ", " + this.locality.replace("\n", ", ");
		}

	}

	private Place place() {
		int number = 1 + this.random.nextInt((this.region != Region.DE && this.random.nextInt(4) == 0) ? 2400 : 120);
		switch (this.region) {
			case US -> {
				UsCity city = pick(CorpusLexicon.US_CITIES);
				String street = number + " " + pick(CorpusLexicon.STREETS_EN);
				if (this.random.nextInt(5) == 0) {
					street += (this.random.nextBoolean() ? ", Apt " : ", Suite ") + (1 + this.random.nextInt(40)) * 10;
				}
				int zip = city.firstZip() + this.random.nextInt(city.lastZip() - city.firstZip() + 1);
				String zipCode = String.format("%05d", zip)
						+ ((this.random.nextInt(4) == 0) ? "-" + this.values.digits(4) : "");
				return new Place(street, city.name() + ", " + city.state() + " " + zipCode,
						this.random.nextBoolean() ? "USA" : "United States", city.areaCode());
			}
			case UK -> {
				UkTown town = pick(CorpusLexicon.UK_TOWNS);
				String street = (this.random.nextInt(6) == 0 ? "Flat " + (1 + this.random.nextInt(12)) + ", " : "")
						+ number + " " + pick(CorpusLexicon.STREETS_EN);
				String postcode = pick(town.outwardCodes()) + " " + this.random.nextInt(10)
						+ LETTERS.charAt(this.random.nextInt(LETTERS.length()))
						+ LETTERS.charAt(this.random.nextInt(LETTERS.length()));
				String locality = this.random.nextBoolean() ? town.name() + " " + postcode
						: town.name() + "\n" + postcode;
				return new Place(street, locality, "United Kingdom", town.dialCode());
			}
			default -> {
				DeCity city = pick(CorpusLexicon.DE_CITIES);
				String street = Latin1.transliterate(pick(CorpusLexicon.STREETS_DE)) + " " + number
						+ ((this.random.nextInt(8) == 0) ? "a" : "");
				int plz = city.firstPlz() + this.random.nextInt(city.lastPlz() - city.firstPlz() + 1);
				return new Place(street, String.format("%05d", plz) + " " + city.name(), "Deutschland",
						city.areaCode());
			}
		}
	}

	private String phone(Place place) {
		return switch (this.region) {
			case US -> this.values.usPhone(place.phoneArea());
			case UK -> this.values.ukPhone(place.phoneArea());
			case DE -> this.values.germanPhone(place.phoneArea());
		};
	}

	private String email(Person person) {
		String given = Latin1.asciiLetters(person.given());
		String surname = Latin1.asciiLetters(person.surname());
		String local = switch (this.random.nextInt(6)) {
			case 0 -> given + "." + surname;
			case 1 -> given.charAt(0) + "." + surname;
			case 2 -> given + surname + (70 + this.random.nextInt(30));
			case 3 -> surname + "." + given.charAt(0);
			case 4 -> given + "_" + surname;
			default -> given.charAt(0) + surname;
		};
		List<String> domains = german() ? CorpusLexicon.FREE_MAIL_DE : CorpusLexicon.FREE_MAIL_EN;
		return local + "@" + pick(domains);
	}

	private String companyEmail(String company, String mailbox) {
		String domain = Latin1.asciiLetters(company.split("[ &]")[0]);
		return mailbox + "@" + domain + switch (this.region) {
			case US -> ".com";
			case UK -> ".co.uk";
			case DE -> ".de";
		};
	}

	private String company() {
		return german() ? Latin1.transliterate(pick(CorpusLexicon.COMPANIES_DE)) : pick(CorpusLexicon.COMPANIES_EN);
	}

	/** One person, one birthday, however often and in whichever style it is written. */
	private String dob(Person person) {
		return this.values.date(person.born(), this.region);
	}

	private String date(LocalDate date) {
		// business dates in one numeric style per region: look-alikes for dates of birth
		return switch (this.region) {
			case US -> String.format("%02d/%02d/%d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
			case UK -> String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
			case DE -> String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		};
	}

	private String money(long cents) {
		String whole = String.format("%,d", cents / 100);
		String fraction = String.format("%02d", cents % 100);
		return switch (this.region) {
			case US -> "$" + whole + "." + fraction;
			case UK -> "£" + whole + "." + fraction;
			case DE -> whole.replace(',', '.') + "," + fraction + " EUR";
		};
	}

	private String vatId() {
		return switch (this.region) {
			case US -> "EIN: " + this.values.digits(2) + "-" + this.values.digits(7);
			case UK ->
				"VAT Reg. No.: GB " + this.values.digits(3) + " " + this.values.digits(4) + " " + this.values.digits(2);
			case DE -> "USt-IdNr.: DE" + this.values.digits(9);
		};
	}

	private String invoiceNumber() {
		return "INV-" + this.today.getYear() + "-" + String.format("%04d", 1 + this.random.nextInt(9999));
	}

	private boolean german() {
		return this.region.german();
	}

	private String t(String english, String germanText) {
		return german() ? Latin1.transliterate(germanText) : english;
	}

	private <T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	// ---- blocks shared by several kinds

	private void letterhead(String company, Place place) {
		this.out.line(company);
		this.out.pii(Span.ADDRESS, place.block()).newline();
		if (chance(30)) {
			this.out.line(place.country());
		}
		if (chance(70)) {
			this.out.text(t("Tel.: ", "Tel.: ")).pii(Span.PHONE, phone(place)).newline();
		}
		if (chance(60)) {
			this.out.text(t("Email: ", "E-Mail: "))
				.pii(Span.EMAIL, companyEmail(company, pick(List.of("accounts", "billing", "info", "service"))))
				.newline();
		}
		this.out.line(vatId());
	}

	private void postalBlock(Person person, Place place, boolean withCountry) {
		this.out.keepTogether(4);
		this.out.pii(Span.NAME, nameOf(person)).newline();
		this.out.pii(Span.ADDRESS, place.block()).newline();
		if (withCountry) {
			this.out.line(place.country());
		}
	}

	private void ipFooter(String what) {
		String ip = this.values.ipv4();
		String time = this.today + " " + String.format("%02d:%02d:%02d", 6 + this.random.nextInt(16),
				this.random.nextInt(60), this.random.nextInt(60));
		switch (this.random.nextInt(3)) {
			case 0 -> this.out.paragraph(LINE_WIDTH, t(what + " from IP address", what + " von IP-Adresse"),
					marked(Span.IP_ADDRESS, ip), t("on ", "am ") + time + " UTC");
			case 1 -> this.out.text(time + " INFO session=" + Integer.toHexString(this.random.nextInt()) + " client=")
				.pii(Span.IP_ADDRESS, ip)
				.text(" status=200")
				.newline();
			default -> this.out.text(t("Audit: " + what.toLowerCase() + " by ", "Protokoll: erstellt durch "))
				.pii(Span.IP_ADDRESS, ip)
				.newline();
		}
	}

	// ---- invoice

	private void invoice() {
		String company = company();
		Place companyPlace = place();
		letterhead(company, companyPlace);
		this.out.blank();
		this.out.line(t("INVOICE", "RECHNUNG"));
		this.out.line(t("Invoice No.: ", "Rechnungsnr.: ") + invoiceNumber());
		LocalDate issued = this.today;
		this.out.line(t("Invoice date: ", "Rechnungsdatum: ") + date(issued));
		this.out.line(t("Due date: ", "Fällig am: ") + date(issued.plusDays(14 + this.random.nextInt(3) * 8)));
		if (chance(70)) {
			this.out.line(t("Order No.: ", "Bestellnr.: ")
					+ (chance(50) ? "PO-" + this.values.digits(5) : "45" + this.values.digits(8)));
		}
		this.out.line(t("Customer No.: ", "Kundennr.: ") + (100000 + this.random.nextInt(900000)));
		this.out.blank();

		Person customer = person();
		Place customerPlace = place();
		String cue = german() ? pick(List.of("Rechnungsempfänger:", "Kunde:", "Rechnung an:"))
				: pick(List.of("Bill to:", "Customer:", "Invoice to:", "Sold to:"));
		cue = Latin1.transliterate(cue);
		this.out.keepTogether(5);
		if (chance(30)) {
			this.out.text(cue + " ").pii(Span.NAME, nameOf(customer)).newline();
			this.out.pii(Span.ADDRESS, customerPlace.block()).newline();
		}
		else {
			this.out.line(cue);
			postalBlock(customer, customerPlace, chance(25));
		}
		if (chance(70)) {
			this.out.text(t("Email: ", "E-Mail: ")).pii(Span.EMAIL, email(customer)).newline();
		}
		if (chance(60)) {
			this.out
				.text(t(pick(List.of("Phone: ", "Tel.: ", "Mobile: ")),
						pick(List.of("Telefon: ", "Tel.: ", "Mobil: "))))
				.pii(Span.PHONE, phone(customerPlace))
				.newline();
		}
		if (this.region == Region.US && chance(60)) {
			this.out.blank();
			this.out.line("Insurance details (patient)");
			this.out.text("Patient: ").pii(Span.NAME, customer.full()).newline();
			this.out.text(chance(50) ? "Date of birth: " : "DOB: ").pii(Span.DATE_OF_BIRTH, dob(customer)).newline();
			this.out.text("SSN: ").pii(Span.SSN, this.values.ssn()).newline();
		}
		this.out.blank();

		List<Product> products = german() ? CorpusLexicon.PRODUCTS_DE : CorpusLexicon.PRODUCTS_EN;
		int items = chance(10) ? 28 + this.random.nextInt(25) : 1 + this.random.nextInt(6);
		// rows run on rather than sit in padded columns: with a proportional font, padded
		// columns
		// leave gaps that OCR reads as separate text columns, which would score layout,
		// not reading
		this.out.line(t("Description - Qty x Unit price - Amount", "Beschreibung - Menge x Einzelpreis - Betrag"));
		long subtotal = 0;
		for (int i = 0; i < items; i++) {
			Product product = pick(products);
			int quantity = 1 + this.random.nextInt(this.random.nextInt(3) == 0 ? 40 : 4);
			long unit = product.minCents() + this.random.nextInt(product.maxCents() - product.minCents() + 1);
			unit = unit / 100 * 100 + (chance(50) ? 0 : 50);
			long amount = unit * quantity;
			subtotal += amount;
			this.out.line(product.name() + "  " + quantity + " x " + money(unit) + "  " + money(amount));
		}
		int vatPercent = switch (this.region) {
			case US -> 0;
			case UK -> 20;
			case DE -> 19;
		};
		long vat = subtotal * vatPercent / 100;
		this.out.keepTogether(4);
		this.out.line(String.format("%54s%14s", t("Subtotal:", "Zwischensumme:"), money(subtotal)));
		if (vatPercent > 0) {
			this.out.line(String.format("%54s%14s", t("VAT " + vatPercent + "%:", "MwSt. " + vatPercent + " %:"),
					money(vat)));
		}
		else {
			this.out.line(String.format("%54s%14s", "Sales tax (exempt):", money(0)));
		}
		this.out.line(String.format("%54s%14s", t("Total due:", "Gesamtbetrag:"), money(subtotal + vat)));
		this.out.blank();

		this.out.keepTogether(3);
		if (chance(55)) {
			String card = this.values.creditCard();
			String brand = card.startsWith("3") ? "American Express" : card.startsWith("4") ? "Visa" : "Mastercard";
			this.out.paragraph(LINE_WIDTH,
					t("Paid in full by " + brand + " card ", "Bezahlt per Kreditkarte (" + brand + ") "),
					marked(Span.CREDIT_CARD, card),
					t(" on " + date(issued) + ". Thank you.", " am " + date(issued) + "."));
		}
		else {
			this.out.paragraph(LINE_WIDTH,
					t("Please transfer the total to " + company + ", IBAN ",
							"Bitte überweisen Sie den Betrag an " + company + ", IBAN "),
					marked(Span.IBAN, this.values.iban(this.region == Region.DE ? "DE" : "GB")),
					t(", quoting the invoice number.", ", unter Angabe der Rechnungsnummer."));
		}
		if (chance(25)) {
			this.out.line(t("Reference: ", "Referenz: ") + this.values.nonCardNumber());
		}
		if (chance(60)) {
			Person contact = person();
			this.out.text(t("Your contact: ", "Ihr Ansprechpartner: "))
				.pii(Span.NAME, contact.full())
				.text(", ")
				.pii(Span.PHONE, phone(companyPlace))
				.newline();
		}
		if (chance(40)) {
			ipFooter(t("Invoice generated", "erstellt"));
		}
		this.out.line(t("Thank you for your business.", "Vielen Dank für Ihren Auftrag."));
	}

	// ---- contract

	private static final List<String> CLAUSES_EN = List.of(
			"Services. The Supplier shall provide the services described in Order No. PO-%s with reasonable skill and care, in accordance with good industry practice.",
			"Term. This Agreement starts on the Effective Date and continues for an initial term of 12 months. It renews automatically for further periods of 12 months unless terminated.",
			"Fees. The Customer shall pay a monthly fee of %s. Invoices are issued on the first business day of each month and are payable within 30 days.",
			"Late payment. Overdue amounts bear interest at 4%% per annum above the base rate from the due date until payment in full.",
			"Confidentiality. Each party shall keep confidential all information received from the other party and shall use it only to perform this Agreement.",
			"Data protection. The Supplier processes personal data only on documented instructions from the Customer and implements appropriate technical and organisational measures.",
			"Liability. Neither party limits liability for death or personal injury caused by negligence. Otherwise, total liability is limited to %s.",
			"Termination. Either party may terminate this Agreement by giving 90 days' written notice, or immediately if the other party commits a material breach.",
			"Equipment. Items such as the %s remain the property of the Supplier until paid in full; quantity and condition are recorded on delivery.",
			"Notices. Notices must be in writing and are deemed received two business days after posting, or on the day of sending if sent by e-mail before 5 pm.",
			"Assignment. Neither party may assign this Agreement without the prior written consent of the other party, which shall not be unreasonably withheld.",
			"Entire agreement. This Agreement, together with Schedule 1 (Service Levels) and Schedule 2 (Prices), is the entire agreement between the parties.",
			"Governing law. This Agreement is governed by the law of %s, and the courts of %s have exclusive jurisdiction.");

	private static final List<String> CLAUSES_DE = List.of(
			"Leistungen. Der Auftragnehmer erbringt die in Bestellung Nr. PO-%s beschriebenen Leistungen mit der Sorgfalt eines ordentlichen Kaufmanns.",
			"Laufzeit. Der Vertrag beginnt am Tag der Unterzeichnung und läuft zunächst 12 Monate. Er verlängert sich jeweils um weitere 12 Monate, wenn er nicht gekündigt wird.",
			"Vergütung. Der Auftraggeber zahlt eine monatliche Pauschale von %s. Rechnungen sind innerhalb von 30 Tagen ohne Abzug zahlbar.",
			"Verzug. Bei Zahlungsverzug werden Verzugszinsen in Höhe von 9 Prozentpunkten über dem Basiszinssatz berechnet.",
			"Vertraulichkeit. Die Parteien behandeln alle im Rahmen dieses Vertrags erhaltenen Informationen vertraulich.",
			"Datenschutz. Der Auftragnehmer verarbeitet personenbezogene Daten nur nach dokumentierter Weisung des Auftraggebers.",
			"Haftung. Die Haftung ist, außer bei Vorsatz und grober Fahrlässigkeit, auf %s begrenzt.",
			"Kündigung. Der Vertrag kann mit einer Frist von drei Monaten zum Ende der Laufzeit schriftlich gekündigt werden.",
			"Geräte. Geliefertes Zubehör wie %s bleibt bis zur vollständigen Bezahlung Eigentum des Auftragnehmers.",
			"Schriftform. Änderungen und Ergänzungen dieses Vertrags bedürfen der Textform.",
			"Salvatorische Klausel. Sollte eine Bestimmung unwirksam sein, bleibt die Wirksamkeit der übrigen Bestimmungen unberührt.",
			"Gerichtsstand. Es gilt das Recht der %s; Gerichtsstand ist %s.");

	private void contract() {
		String company = company();
		Place companyPlace = place();
		Person customer = person();
		Place customerPlace = place();
		String contractNo = "C-" + this.today.getYear() + "-" + this.values.digits(4);
		this.out.line(t("SERVICE AGREEMENT", "DIENSTLEISTUNGSVERTRAG"));
		this.out.line(t("Contract No.: ", "Vertragsnr.: ") + contractNo);
		this.out.blank();
		if (german()) {
			this.out.paragraph(LINE_WIDTH,
					"Dieser Vertrag wird am " + date(this.today) + " geschlossen zwischen " + company + ",",
					marked(Span.ADDRESS, companyPlace.inline()), "(Auftragnehmer), und",
					marked(Span.NAME, customer.full()), ", geboren am", marked(Span.DATE_OF_BIRTH, dob(customer)),
					", wohnhaft", marked(Span.ADDRESS, customerPlace.inline()), "(Auftraggeber).");
		}
		else {
			this.out.paragraph(LINE_WIDTH,
					"This Agreement is made on " + date(this.today) + " between " + company + ", of",
					marked(Span.ADDRESS, companyPlace.inline()), "(the \"Supplier\"), and",
					marked(Span.NAME, customer.full()), ", residing at", marked(Span.ADDRESS, customerPlace.inline()),
					"(the \"Customer\").");
		}
		this.out.blank();
		this.out.keepTogether(10);
		this.out.line(t("Customer details", "Angaben zum Auftraggeber"));
		this.out.text(t("Name: ", "Name: ")).pii(Span.NAME, customer.inverted()).newline();
		this.out.text(t(pick(List.of("Date of birth: ", "DOB: ")), "Geburtsdatum: "))
			.pii(Span.DATE_OF_BIRTH, dob(customer))
			.newline();
		if (this.region == Region.US) {
			this.out.text(chance(70) ? "SSN: " : "Social Security No.: ").pii(Span.SSN, this.values.ssn()).newline();
		}
		this.out.line(t("Postal address:", "Anschrift:"));
		this.out.pii(Span.ADDRESS, customerPlace.block()).newline();
		if (chance(75)) {
			this.out.text(t("Email: ", "E-Mail: ")).pii(Span.EMAIL, email(customer)).newline();
		}
		if (chance(75)) {
			this.out.text(t("Phone: ", "Telefon: ")).pii(Span.PHONE, phone(customerPlace)).newline();
		}
		this.out.blank();

		List<String> clauses = german() ? CLAUSES_DE : CLAUSES_EN;
		int count = chance(50) ? 1 + this.random.nextInt(2) : 6 + this.random.nextInt(clauses.size() - 5);
		List<Product> products = german() ? CorpusLexicon.PRODUCTS_DE : CorpusLexicon.PRODUCTS_EN;
		int start = this.random.nextInt(clauses.size());
		for (int i = 0; i < count; i++) {
			String clause = clauses.get((start + i) % clauses.size());
			String law = t(this.region == Region.US ? "the State of New York" : "England and Wales",
					"Bundesrepublik Deutschland");
			String court = t(this.region == Region.US ? "New York" : "London", "Berlin");
			Object[] args = clause.contains("PO-%s") ? new Object[] { this.values.digits(5) }
					: clause.contains("wie %s") || clause.contains("as the %s") ? new Object[] { pick(products).name() }
							: clause.contains("%s;") || clause.contains("of %s, and") ? new Object[] { law, court }
									: new Object[] { money(1000L * (20 + this.random.nextInt(2000))) };
			this.out.keepTogether(3);
			this.out.paragraph(LINE_WIDTH, (i + 1) + ". " + Latin1.transliterate(String.format(clause, args)));
			this.out.blank();
		}

		if (count > 8) {
			schedule(products);
		}

		this.out.keepTogether(3);
		if (this.region != Region.US || chance(50)) {
			this.out.paragraph(LINE_WIDTH,
					t((count + 1) + ". Payment. Fees are collected by direct debit from the account",
							(count + 1) + ". Zahlung. Die Vergütung wird per Lastschrift vom Konto"),
					marked(Span.IBAN, this.values.iban(this.region == Region.DE ? "DE" : "GB")), t("held by", "von"),
					marked(Span.NAME, customer.full()), t(".", " eingezogen."));
		}
		else {
			this.out.paragraph(LINE_WIDTH, (count + 1) + ". Payment. Fees are charged monthly to the card",
					marked(Span.CREDIT_CARD, this.values.creditCard()), "held by", marked(Span.NAME, customer.full()),
					".");
		}
		this.out.blank();

		Person signatory = person();
		this.out.keepTogether(7);
		this.out.line(t("For the Supplier:", "Für den Auftragnehmer:"));
		this.out.pii(Span.NAME, signatory.full())
			.text(", " + t(pick(List.of("Director", "Head of Sales", "Managing Partner")), "Geschäftsführung"))
			.newline();
		this.out.line(t("For the Customer:", "Für den Auftraggeber:"));
		this.out.text(t("Signed: ", "Unterschrift: ")).pii(Span.NAME, customer.full()).newline();
		this.out.line(t("Date: ", "Datum: ") + date(this.today));
		if (chance(50)) {
			ipFooter(t("Signed electronically", "elektronisch unterzeichnet"));
		}
	}

	private void schedule(List<Product> products) {
		this.out.keepTogether(4);
		this.out.line(t("Schedule 2 (Prices)", "Anlage 2 (Preise)"));
		this.out.line(t("Item  Product  Price", "Pos.  Produkt  Preis"));
		int rows = 8 + this.random.nextInt(18);
		for (int i = 0; i < rows; i++) {
			Product product = pick(products);
			long price = product.minCents() + this.random.nextInt(product.maxCents() - product.minCents() + 1);
			this.out.line(String.format("S2-%02d  %s  %s", i + 1, product.name(), money(price / 100 * 100)));
		}
		this.out.blank();
	}

	// ---- letter

	private void letter() {
		boolean fromCompany = chance(70);
		String company = company();
		Place senderPlace = place();
		Person sender = person();
		if (fromCompany) {
			letterhead(company, senderPlace);
		}
		else {
			postalBlock(sender, senderPlace, false);
			this.out.text(t("Tel.: ", "Tel.: ")).pii(Span.PHONE, phone(senderPlace)).newline();
			this.out.pii(Span.EMAIL, email(sender)).newline();
		}
		this.out.blank();
		Person recipient = person();
		Place recipientPlace = place();
		postalBlock(recipient, recipientPlace, chance(20));
		this.out.blank();
		String city = senderPlace.locality().replaceAll("^\\d{5} ", "").replaceAll("[, \\n].*", "");
		this.out.line(city + ", " + date(this.today));
		this.out.line(t("Our ref: L-", "Unser Zeichen: L-") + this.today.getYear() + "-" + this.values.digits(4)
				+ t("   Customer No.: ", "   Kundennr.: ") + (100000 + this.random.nextInt(900000)));
		this.out.blank();
		String subject = german()
				? pick(List.of("Ihre Anfrage vom " + date(this.today.minusDays(9)),
						"Versicherungsschein Nr. 4471-" + this.values.digits(3), "Kündigungsbestätigung"))
				: pick(List.of("Your enquiry of " + date(this.today.minusDays(9)),
						"Policy No. 4471-" + this.values.digits(3), "Confirmation of cancellation"));
		this.out.line(t("Re: ", "Betreff: ") + Latin1.transliterate(subject));
		this.out.blank();
		int salutation = this.random.nextInt(german() ? 5 : 3);
		switch ((german() && salutation > 2) ? 1 : salutation) {
			case 0 -> this.out.text(t("Dear ", "Hallo ")).pii(Span.NAME, recipient.full()).text(",").newline();
			case 1 -> this.out
				.text(t(pick(List.of("Dear Ms. ", "Dear Mr. ", "Dear Dr. ")),
						pick(List.of("Sehr geehrte Frau ", "Sehr geehrter Herr ", "Sehr geehrte Frau Dr. "))))
				.pii(Span.NAME, recipient.surname())
				.text(",")
				.newline();
			default -> this.out.text(t("Dear ", "Guten Tag ")).pii(Span.NAME, recipient.given()).text(",").newline();
		}
		this.out.blank();
		if (german()) {
			this.out.paragraph(LINE_WIDTH,
					"vielen Dank für Ihr Schreiben. Wir bestätigen den Eingang Ihrer Zahlung über "
							+ money(5000L + this.random.nextInt(200000)) + " zur Rechnung " + invoiceNumber()
							+ ". Ihr Vertrag bleibt unverändert bestehen.");
		}
		else {
			this.out.paragraph(LINE_WIDTH,
					"Thank you for your letter. We confirm receipt of your payment of "
							+ money(5000L + this.random.nextInt(200000)) + " against invoice " + invoiceNumber()
							+ ". Your account remains in good standing.");
		}
		this.out.blank();
		if (chance(60)) {
			this.out.paragraph(LINE_WIDTH,
					t("For our records, the policyholder is", "Versicherungsnehmer ist laut unseren Unterlagen"),
					marked(Span.NAME, nameOf(recipient)), t(", date of birth", ", geboren am"),
					marked(Span.DATE_OF_BIRTH, dob(recipient)), ".");
		}
		if (this.region == Region.US && chance(70)) {
			this.out.text("SSN on file: ").pii(Span.SSN, this.values.ssn()).newline();
		}
		if (chance(50)) {
			Person colleague = person();
			this.out.paragraph(LINE_WIDTH,
					t("If you have any questions, please contact my colleague",
							"Bei Fragen wenden Sie sich bitte an meine Kollegin"),
					marked(Span.NAME, colleague.full()), t("at", "unter"), marked(Span.PHONE, phone(senderPlace)),
					t("or", "oder"), marked(Span.EMAIL, email(colleague)), ".");
		}
		this.out.blank();
		this.out.keepTogether(5);
		this.out.line(t(pick(List.of("Kind regards,", "Yours sincerely,", "Best wishes,")),
				Latin1.transliterate("Mit freundlichen Grüßen")));
		this.out.blank();
		if (fromCompany) {
			Person signer = person();
			this.out.pii(Span.NAME, signer.full()).newline();
			this.out.line(t(pick(List.of("Customer Service", "Claims Department", "Accounts")), "Kundenservice"));
			this.out.line(company);
		}
		else {
			this.out.pii(Span.NAME, sender.full()).newline();
		}
		if (chance(20)) {
			ipFooter(t("Sent", "versendet"));
		}
	}

	// ---- form

	private void form() {
		String company = company();
		Person applicant = person();
		Place home = place();
		this.out.line(company);
		this.out.line(t(pick(List.of("NEW CUSTOMER APPLICATION", "ACCOUNT OPENING FORM", "MEMBERSHIP APPLICATION")),
				"KUNDENANTRAG"));
		this.out.line(t("Form ID: F-", "Formular-Nr.: F-") + this.today.getYear() + "-" + this.values.digits(5));
		this.out.blank();
		this.out.line(t("1. Personal details", "1. Angaben zur Person"));
		this.out.text(t("Surname: ", "Nachname: ")).pii(Span.NAME, applicant.surname()).newline();
		this.out.text(t("Given name(s): ", "Vorname(n): ")).pii(Span.NAME, applicant.given()).newline();
		this.out.text(t("Date of birth: ", "Geburtsdatum: ")).pii(Span.DATE_OF_BIRTH, dob(applicant)).newline();
		if (this.region == Region.US) {
			this.out.text("SSN: ").pii(Span.SSN, this.values.ssn()).newline();
		}
		this.out.line(t("Home address:", "Wohnanschrift:"));
		this.out.pii(Span.ADDRESS, home.block()).newline();
		this.out.text(t("Phone: ", "Telefon: ")).pii(Span.PHONE, phone(home)).newline();
		this.out.text(t("Email: ", "E-Mail: ")).pii(Span.EMAIL, email(applicant)).newline();
		this.out.blank();
		this.out.line(t("2. Payment", "2. Zahlungsweise"));
		if (chance(80)) {
			this.out.text(t("Card number: ", "Kartennummer: "))
				.pii(Span.CREDIT_CARD, this.values.creditCard())
				.newline();
			this.out.line(t("Expiry: ", "Gültig bis: ") + String.format("%02d/%02d", 1 + this.random.nextInt(12),
					(this.today.getYear() % 100) + 1 + this.random.nextInt(5)));
		}
		if (chance(50) || german()) {
			this.out.text(t("IBAN: ", "IBAN: ")).pii(Span.IBAN, this.values.iban(german() ? "DE" : null)).newline();
			this.out.text(t("Account holder: ", "Kontoinhaber: ")).pii(Span.NAME, applicant.full()).newline();
		}
		this.out.blank();
		this.out.line(t("3. Emergency contact", "3. Notfallkontakt"));
		Person contact = person();
		this.out.pii(Span.NAME, nameOf(contact)).text(", ").pii(Span.PHONE, phone(place())).newline();
		this.out.blank();
		this.out.text(t("Signed: ", "Unterschrift: ")).pii(Span.NAME, applicant.full()).newline();
		this.out.line(t("Date: ", "Datum: ") + date(this.today));
		ipFooter(t("Submitted online", "online eingereicht"));
	}

}
