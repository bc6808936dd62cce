package io.quantra.plugins.corpus;

import java.util.List;

/**
 * The people, places and businesses that synthetic documents are made of. Written here on
 * purpose and never read from the detector's gazetteers, so that recall measured on the
 * corpus says how the detector does on names it has not been given.
 */
final class CorpusLexicon {

	private CorpusLexicon() {
	}

	/**
	 * Given names of many origins, common and uncommon; characters outside Latin-1 are
	 * spelled out.
	 */
	static final List<String> GIVEN_NAMES = latin1(List.of(
			// English-speaking
			"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
			"David", "Susan", "Richard", "Jessica", "Joseph", "Sarah", "Thomas", "Karen", "Charles", "Emily", "Daniel",
			"Laura", "Matthew", "Rachel", "Andrew", "Hannah", "Oliver", "Amelia", "Harry", "Charlotte", "George",
			"Sophie", "Jack", "Olivia", "Noah", "Grace", "Tyler", "Brianna", "Dwayne", "Shirley",
			// German-speaking
			"Lukas", "Anna", "Jonas", "Leonie", "Maximilian", "Lena", "Felix", "Johanna", "Tobias", "Katharina",
			"Jürgen", "Ursula", "Stefan", "Sabine", "Wolfgang", "Brigitte", "Matthias", "Greta", "Moritz", "Friederike",
			"Hannelore", "Detlef",
			// Irish, Scottish, Welsh
			"Siobhan", "Niamh", "Aoife", "Ciarán", "Eoin", "Saoirse", "Pádraig", "Rhys", "Angharad", "Fionnuala",
			"Tadhg", "Ailsa", "Gwenllian",
			// Spanish and Nahuatl
			"Xochitl", "Alejandro", "Guadalupe", "Itzel", "Joaquín", "Ximena", "Mateo", "Valentina", "Camila",
			"Santiago", "Lucía", "Rodrigo", "Cuauhtémoc",
			// West, East and Southern African
			"Oluwaseun", "Thandiwe", "Chidi", "Ngozi", "Kwame", "Abena", "Oluwadamilare", "Wanjiru", "Tendai", "Sipho",
			"Amara", "Chiamaka", "Kofi", "Nkechi", "Babajide", "Zanele", "Folasade", "Mbali",
			// East and South Asian
			"Kazuo", "Haruki", "Yuki", "Sakura", "Wei", "Mei", "Jiahui", "Hyun-woo", "Ji-yeon", "Minh", "Thi Lan",
			"Arjun", "Priya", "Ananya", "Rohan", "Deepika", "Sanjay", "Aarav", "Farhan", "Ayesha", "Tariq", "Xiaoling",
			// Slavic and Central European
			"Radomír", "Zdeňka", "Bożena", "Władysław", "Katarzyna", "Miloš", "Dragana", "Vesna", "Anastasia", "Dmitri",
			"Oksana", "Bogdan", "Agnieszka", "Jiří",
			// Nordic and Finnish
			"Søren", "Ingrid", "Bjørn", "Astrid", "Sigrún", "Eero", "Aino", "Linnea",
			// Middle Eastern and Turkish
			"Yusuf", "Leyla", "Mehmet", "Elif", "Omar", "Fatima", "Dariush", "Shirin", "Ayşe", "Emre",
			// Pacific, French, Italian, Portuguese
			"Keanu", "Leilani", "Tāne", "Aroha", "Manon", "Amélie", "Benoît", "Margaux", "Giulia", "Lorenzo", "Chiara",
			"Matteo", "João", "Inês", "Thiago"));

	static final List<String> SURNAMES = latin1(List.of(
			// English-speaking
			"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Anderson",
			"Moore", "Martin", "Clark", "Lewis", "Walker", "Hall", "Wright", "Hughes", "Evans", "Roberts", "Whitfield",
			"Pemberton",
			// Irish and Scottish
			"O'Connor", "O'Sullivan", "McAllister", "MacLeod", "Ní Bhriain", "Fitzgerald", "Gallagher",
			// German-speaking
			"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer",
			"Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange",
			"von Bülow", "Oberhuber",
			// Spanish, Portuguese, Mexican
			"Garcia", "Rodríguez", "Hernández", "López", "Martínez", "Tlatelpa", "Xicoténcatl", "Da Silva", "Santos",
			"Oliveira", "Pereira",
			// African
			"Okonkwo", "Adeyemi", "Mokoena", "Nkosi", "Mensah", "Owusu", "Abiodun", "Achebe", "Kamau", "Odhiambo",
			"Chukwu", "Dlamini", "Oyelaran", "Mthembu",
			// East and South Asian
			"Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kim", "Park", "Choi", "Nguyen", "Tran", "Pham",
			"Wang", "Zhang", "Chen", "Liu", "Huang", "Sharma", "Gupta", "Iyer", "Reddy", "Banerjee", "Chatterjee",
			"Siddiqui", "Qureshi",
			// Slavic and Central European
			"Novák", "Dvořák", "Svoboda", "Procházka", "Kowalski", "Wiśniewska", "Nowak", "Horvat", "Petrović",
			"Ivanova", "Kuznetsov", "Szabó", "Kovačević",
			// Nordic and Finnish
			"Jensen", "Nielsen", "Lindqvist", "Andersson", "Virtanen", "Korhonen", "Halvorsen", "Sigurðardóttir",
			// Middle Eastern and Turkish
			"Yılmaz", "Demir", "Kaya", "Haddad", "Nasser", "Farouk", "Rahimi", "Karimi", "Cohen", "Levi",
			// Italian, French, Dutch, Greek, Pacific
			"Rossi", "Russo", "Bianchi", "Ferrari", "Esposito", "Dubois", "Moreau", "Lefèvre", "Girard", "van der Berg",
			"de Vries", "Janssen", "Bakker", "Papadopoulos", "Georgiou", "Kealoha", "Ngata"));

	/**
	 * Initials used as middle initials; a few letters are left out so they stay
	 * unambiguous.
	 */
	static final String INITIALS = "ABCDEFGHJKLMNPRSTW";

	static final List<String> STREETS_EN = List.of("Maple Avenue", "Oak Street", "Pine Road", "Cedar Lane",
			"Elm Street", "Washington Boulevard", "Lincoln Avenue", "Park Avenue", "Lakeview Drive", "Sunset Boulevard",
			"Highland Road", "Willow Way", "Chestnut Street", "Mill Lane", "Church Street", "High Street",
			"Station Road", "Victoria Road", "Kingsway", "Baker Street", "Queen's Road", "Albert Terrace", "Green Lane",
			"Mulberry Close", "Harbour View", "Riverside Drive", "Orchard Grove", "Meadow Crescent", "Hawthorn Avenue",
			"Jefferson Street", "Market Street", "Mission Street", "Beacon Street", "Bedford Place", "Garden Walk",
			"Magnolia Court", "Prospect Hill", "Foxglove Road", "Cherry Tree Walk", "Sycamore Drive");

	static final List<String> STREETS_DE = List.of("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee",
			"Schillerstraße", "Goethestraße", "Berliner Straße", "Am Markt", "Kirchgasse", "Mozartstraße", "Rosenweg",
			"Friedrichstraße", "Kastanienallee", "Birkenweg", "Bergstraße", "Schulstraße", "Ringstraße", "Am Stadtpark",
			"Eichendorffweg", "Uhlandstraße", "Feldstraße", "Königsallee", "Sonnenstraße", "Hafenstraße",
			"Lessingplatz", "Auf der Höhe", "Mühlenweg", "Wiesenstraße");

	record UsCity(String name, String state, int firstZip, int lastZip, String areaCode) {
	}

	record UkTown(String name, List<String> outwardCodes, String dialCode) {
	}

	record DeCity(String name, int firstPlz, int lastPlz, String areaCode) {
	}

	static final List<UsCity> US_CITIES = List.of(new UsCity("New York", "NY", 10001, 10040, "212"),
			new UsCity("San Francisco", "CA", 94102, 94134, "415"),
			new UsCity("Springfield", "IL", 62701, 62712, "217"), new UsCity("Austin", "TX", 78701, 78759, "512"),
			new UsCity("Seattle", "WA", 98101, 98199, "206"), new UsCity("Denver", "CO", 80202, 80239, "303"),
			new UsCity("Boston", "MA", 2108, 2137, "617"), new UsCity("Chicago", "IL", 60601, 60661, "312"),
			new UsCity("Portland", "OR", 97201, 97236, "503"), new UsCity("Atlanta", "GA", 30303, 30363, "404"),
			new UsCity("Phoenix", "AZ", 85003, 85054, "602"), new UsCity("Minneapolis", "MN", 55401, 55488, "612"),
			new UsCity("Madison", "WI", 53703, 53726, "608"), new UsCity("Raleigh", "NC", 27601, 27617, "919"),
			new UsCity("Albuquerque", "NM", 87102, 87123, "505"), new UsCity("Honolulu", "HI", 96813, 96826, "808"),
			new UsCity("Anchorage", "AK", 99501, 99518, "907"), new UsCity("Burlington", "VT", 5401, 5408, "802"),
			new UsCity("Omaha", "NE", 68102, 68164, "402"), new UsCity("Nashville", "TN", 37203, 37221, "615"),
			new UsCity("Providence", "RI", 2903, 2909, "401"));

	static final List<UkTown> UK_TOWNS = List.of(
			new UkTown("London", List.of("EC1A", "SW1A", "WC2N", "N1", "E14", "SE10", "NW3", "W11"), "20"),
			new UkTown("Manchester", List.of("M1", "M14", "M20"), "161"),
			new UkTown("Birmingham", List.of("B1", "B15", "B29"), "121"),
			new UkTown("Leeds", List.of("LS1", "LS6", "LS17"), "113"),
			new UkTown("Glasgow", List.of("G1", "G12", "G41"), "141"),
			new UkTown("Edinburgh", List.of("EH1", "EH8", "EH10"), "131"),
			new UkTown("Bristol", List.of("BS1", "BS8"), "117"), new UkTown("Cardiff", List.of("CF10", "CF24"), "29"),
			new UkTown("Belfast", List.of("BT1", "BT9"), "28"), new UkTown("Liverpool", List.of("L1", "L17"), "151"),
			new UkTown("Oxford", List.of("OX1", "OX4"), "1865"), new UkTown("Cambridge", List.of("CB1", "CB2"), "1223"),
			new UkTown("Norwich", List.of("NR1", "NR2"), "1603"), new UkTown("York", List.of("YO1", "YO10"), "1904"),
			new UkTown("Brighton", List.of("BN1", "BN2"), "1273"));

	static final List<DeCity> DE_CITIES = latin1Cities(List.of(new DeCity("Berlin", 10115, 14199, "030"),
			new DeCity("Hamburg", 20095, 22769, "040"), new DeCity("München", 80331, 81929, "089"),
			new DeCity("Köln", 50667, 51149, "0221"), new DeCity("Frankfurt am Main", 60311, 60599, "069"),
			new DeCity("Stuttgart", 70173, 70629, "0711"), new DeCity("Düsseldorf", 40210, 40629, "0211"),
			new DeCity("Leipzig", 4103, 4357, "0341"), new DeCity("Dresden", 1067, 1328, "0351"),
			new DeCity("Hannover", 30159, 30669, "0511"), new DeCity("Nürnberg", 90402, 90491, "0911"),
			new DeCity("Bremen", 28195, 28779, "0421"), new DeCity("Freiburg im Breisgau", 79098, 79117, "0761"),
			new DeCity("Heidelberg", 69115, 69126, "06221"), new DeCity("Münster", 48143, 48167, "0251"),
			new DeCity("Rostock", 18055, 18147, "0381")));

	/** Company names: look-alikes for person names that must not be flagged. */
	static final List<String> COMPANIES_EN = List.of("Northwind Ltd", "Contoso Inc.", "Globex Corporation",
			"Initech LLC", "Stark Components Ltd", "Fabrikam Ltd", "Tailspin Toys Inc.", "Litware Inc.",
			"Proseware Ltd", "Wingtip Toys Ltd", "Blue Yonder Airlines Inc.", "Harbour & Finch Ltd",
			"Lakeshore Office Supply Co.");

	static final List<String> COMPANIES_DE = List.of("Acme GmbH", "Umbrella Logistik GmbH", "Müller & Söhne KG",
			"Blau Maschinenbau AG", "Adventure Works GmbH", "Rheintal Bürotechnik GmbH", "Nordlicht Software AG",
			"Schwarzwald Druck GmbH & Co. KG");

	record Product(String name, int minCents, int maxCents) {
	}

	static final List<Product> PRODUCTS_EN = List.of(new Product("Widget Pro 3000", 9900, 62500),
			new Product("Cloud Storage Plan (12 months)", 12000, 48000),
			new Product("Ergonomic Office Chair", 18900, 54900), new Product("USB-C Docking Station", 8900, 24900),
			new Product("Consulting hours", 9500, 18000), new Product("Annual support licence", 45000, 240000),
			new Product("Paper A4 80 g/m2 (box of 5)", 2400, 3900), new Product("Standing Desk Frame", 29900, 79900),
			new Product("Label printer tape 12 mm", 900, 2900), new Product("27-inch Monitor QHD", 21900, 45900),
			new Product("Onboarding workshop (1 day)", 120000, 260000),
			new Product("Replacement toner TN-2420", 4900, 8900));

	static final List<Product> PRODUCTS_DE = latin1Products(List.of(new Product("Laserdrucker LX-200", 19900, 49900),
			new Product("Wartungsvertrag (12 Monate)", 48000, 150000), new Product("Montage vor Ort", 8500, 16000),
			new Product("Bürostuhl Ergo Plus", 24900, 59900), new Product("Kopierpapier A4 (5 Pakete)", 2200, 3600),
			new Product("Beratung (Stunden)", 9500, 16500), new Product("Netzwerkkabel Cat 6, 5 m", 600, 1900),
			new Product("Softwarelizenz Jahresabo", 36000, 180000),
			new Product("Schreibtisch Eiche 160 cm", 39900, 89900), new Product("Schulung (halbtags)", 45000, 90000)));

	static final List<String> FREE_MAIL_EN = List.of("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me",
			"example.com", "example.org", "btinternet.com", "yahoo.co.uk", "hotmail.co.uk");

	static final List<String> FREE_MAIL_DE = List.of("web.de", "gmx.de", "posteo.de", "t-online.de", "mailbox.org",
			"example.de", "gmail.com");

	private static List<String> latin1(List<String> words) {
		return words.stream().map(Latin1::transliterate).toList();
	}

	private static List<DeCity> latin1Cities(List<DeCity> cities) {
		return cities.stream()
			.map((c) -> new DeCity(Latin1.transliterate(c.name()), c.firstPlz(), c.lastPlz(), c.areaCode()))
			.toList();
	}

	private static List<Product> latin1Products(List<Product> products) {
		return products.stream()
			.map((p) -> new Product(Latin1.transliterate(p.name()), p.minCents(), p.maxCents()))
			.toList();
	}

}
