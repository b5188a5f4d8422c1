//! Closed word lists for finding people in news copy: titles, honorifics,
//! the heads of organisation and place names, speech verbs, name particles.

use crate::document::words::is_title_abbreviation;
use crate::lexicon::{WordSet, pos};
use crate::lowercase::with_ascii_lowercase;

/// Capitalised words that make up titles before a name: `Deputy Secretary of
/// State`, `Lt. Gen.`, `Deputy Police Chief`, `Special Agent`.
static TITLE_WORDS: WordSet = WordSet::new(&[
    "Acting",
    "Adm",
    "Admiral",
    "Agent",
    "Ambassador",
    "Analyst",
    "Anchor",
    "Archbishop",
    "Assemblyman",
    "Assemblywoman",
    "Assistant",
    "Associate",
    "Attorney",
    "Baron",
    "Baroness",
    "Battalion",
    "Bishop",
    "Brig",
    "Brigadier",
    "CEO",
    "CFO",
    "COO",
    "Capt",
    "Captain",
    "Cardinal",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chairwoman",
    "Chancellor",
    "Chevalier",
    "Chief",
    "Cmdr",
    "Coach",
    "Col",
    "Colonel",
    "Commander",
    "Commissioner",
    "Commodore",
    "Congressman",
    "Congresswoman",
    "Constable",
    "Corporal",
    "Councilman",
    "Councilmember",
    "Councilwoman",
    "Count",
    "Countess",
    "Cpl",
    "Czar",
    "Dame",
    "Defence",
    "Defense",
    "Delegate",
    "Deputy",
    "Det",
    "Detective",
    "Director",
    "Dr",
    "Duchess",
    "Duke",
    "Earl",
    "Economist",
    "Editor",
    "Emir",
    "Emperor",
    "Empress",
    "Envoy",
    "Executive",
    "Father",
    "Financial",
    "First",
    "Foreign",
    "Former",
    "Founder",
    "Frau",
    "Gen",
    "General",
    "Gov",
    "Governor",
    "Herr",
    "Inspector",
    "Interior",
    "Judge",
    "Justice",
    "King",
    "Lady",
    "Leader",
    "Lieutenant",
    "Lord",
    "Lt",
    "Madame",
    "Maj",
    "Major",
    "Manager",
    "Marquis",
    "Marshal",
    "Mayor",
    "Minister",
    "Miss",
    "Monsieur",
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Officer",
    "Operating",
    "Police",
    "Pope",
    "Premier",
    "Pres",
    "President",
    "Prime",
    "Prince",
    "Princess",
    "Private",
    "Prof",
    "Professor",
    "Prosecutor",
    "Queen",
    "Rabbi",
    "Rear",
    "Rep",
    "Representative",
    "Rev",
    "Reverend",
    "Secretary",
    "Sen",
    "Senator",
    "Senor",
    "Senora",
    "Sergeant",
    "Sgt",
    "Sheikh",
    "Sheriff",
    "Sir",
    "Sister",
    "Speaker",
    "Special",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Staff",
    "State",
    "Sultan",
    "Superintendent",
    "Supt",
    "Treasurer",
    "Treasury",
    "Trooper",
    "Tsar",
    "Under",
    "Vice",
    "Viscount",
    "Whip",
]);

/// Lowercase role nouns that can stand for a person in a sentence: `the
/// spokesperson`, `a deputy`. Used only to stay silent when a pronoun may
/// refer to such an unnamed person.
static PERSON_NOUNS: WordSet = WordSet::new(&[
    "actor",
    "actress",
    "adviser",
    "advisor",
    "analyst",
    "aunt",
    "author",
    "baby",
    "boy",
    "boyfriend",
    "brother",
    "captain",
    "ceo",
    "chairman",
    "chairwoman",
    "chief",
    "child",
    "coach",
    "colleague",
    "colonel",
    "commander",
    "congressman",
    "congresswoman",
    "cousin",
    "dad",
    "daughter",
    "deputy",
    "diplomat",
    "director",
    "doctor",
    "driver",
    "economist",
    "employee",
    "envoy",
    "executive",
    "father",
    "fiancé",
    "fiancée",
    "firefighter",
    "friend",
    "general",
    "girl",
    "girlfriend",
    "governor",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "guard",
    "husband",
    "infant",
    "investigator",
    "journalist",
    "judge",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "man",
    "manager",
    "marine",
    "mayor",
    "mediator",
    "minister",
    "mom",
    "mother",
    "mother-in-law",
    "negotiator",
    "neighbor",
    "neighbour",
    "nephew",
    "niece",
    "nurse",
    "officer",
    "official",
    "owner",
    "parent",
    "partner",
    "patient",
    "pilot",
    "player",
    "president",
    "professor",
    "prosecutor",
    "reporter",
    "researcher",
    "resident",
    "senator",
    "sergeant",
    "sheriff",
    "sister",
    "soldier",
    "son",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "stepfather",
    "stepmother",
    "student",
    "survivor",
    "suspect",
    "teacher",
    "teenager",
    "uncle",
    "veteran",
    "victim",
    "widow",
    "wife",
    "witness",
    "woman",
    "worker",
]);

/// Last words of names that are not people: `Rose Hill Farm Road`,
/// `Joint Harbour Board`, `Carver Institute`.
static NON_PERSON_HEADS: WordSet = WordSet::new(&[
    "Academy",
    "Accord",
    "Accords",
    "Act",
    "Administration",
    "Agency",
    "Agreement",
    "Airlines",
    "Airport",
    "Airways",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Avenue",
    "Band",
    "Bank",
    "Bay",
    "Beach",
    "Board",
    "Boulevard",
    "Bridge",
    "Bureau",
    "Cabinet",
    "Canal",
    "Capital",
    "Center",
    "Centre",
    "Church",
    "City",
    "Club",
    "Coalition",
    "College",
    "Command",
    "Commission",
    "Committee",
    "Company",
    "Confederation",
    "Conference",
    "Congress",
    "Convention",
    "Corp",
    "Corporation",
    "Corps",
    "Council",
    "County",
    "Court",
    "Creek",
    "Department",
    "Dialogue",
    "District",
    "Dollar",
    "Embassy",
    "Empire",
    "Energy",
    "Exchange",
    "Fair",
    "Federation",
    "Festival",
    "Fire",
    "Force",
    "Forces",
    "Fort",
    "Forum",
    "Foundation",
    "Fund",
    "Gallery",
    "Garden",
    "Gardens",
    "Government",
    "Governments",
    "Group",
    "Guard",
    "Hall",
    "Harbor",
    "Harbour",
    "Highway",
    "Holdings",
    "Hospital",
    "Hotel",
    "House",
    "Inc",
    "Index",
    "Initiative",
    "Institute",
    "Island",
    "Islands",
    "Kingdom",
    "Lake",
    "Lane",
    "League",
    "Ltd",
    "Market",
    "Media",
    "Ministries",
    "Ministry",
    "Mission",
    "Motors",
    "Mountain",
    "Mountains",
    "Museum",
    "Nation",
    "Nations",
    "Navy",
    "Network",
    "News",
    "Office",
    "Oil",
    "Organisation",
    "Organization",
    "Park",
    "Parliament",
    "Partners",
    "Party",
    "Plan",
    "Police",
    "Port",
    "Post",
    "Press",
    "Program",
    "Programme",
    "Project",
    "Railway",
    "Range",
    "Republic",
    "Reserve",
    "River",
    "Road",
    "Room",
    "School",
    "Sea",
    "Securities",
    "Senate",
    "Service",
    "Services",
    "Society",
    "Springs",
    "Square",
    "Stadium",
    "States",
    "Station",
    "Street",
    "Studios",
    "Summit",
    "Systems",
    "Team",
    "Technologies",
    "Times",
    "Tower",
    "Treaty",
    "Tribe",
    "Tribunal",
    "Trust",
    "Union",
    "University",
    "Valley",
    "Way",
]);

/// Verbs of saying that attribute a quotation or statement to a person.
static SPEECH_VERBS: WordSet = WordSet::new(&[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "answered",
    "argued",
    "asked",
    "asks",
    "said",
    "says",
    "say",
    "cautioned",
    "claimed",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "confirmed",
    "continued",
    "countered",
    "declared",
    "declined",
    "denied",
    "described",
    "emphasized",
    "emphasised",
    "estimated",
    "explained",
    "insisted",
    "noted",
    "notes",
    "observed",
    "pointed",
    "predicted",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "stated",
    "stressed",
    "suggested",
    "testified",
    "told",
    "tells",
    "urged",
    "warned",
    "wrote",
    "writes",
    "reiterated",
    "dismissed",
    "briefed",
    "urges",
]);

/// Lowercase particles inside names: `de la Cruz`, `bin Salman`, `van der Berg`.
static NAME_PARTICLES: WordSet = WordSet::new(&[
    "al", "bin", "binti", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "van", "von", "ter", "ten", "y",
]);

static MONTHS_AND_DAYS: WordSet = WordSet::new(&[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]);

/// Suffixes after a surname: `Jr.`, `III`.
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// First words of place names: `Santa Fe`, `San Diego`, `Los Angeles`,
/// `St. Petersburg`, `New Delhi`, `Fort Worth`.
static PLACE_PREFIXES: WordSet = WordSet::new(&[
    "East", "El", "Fort", "Ft", "Las", "Los", "Mount", "Mt", "New", "North", "Port", "Saint",
    "San", "Santa", "Santo", "Sao", "São", "South", "St", "Ste", "West",
]);

pub fn is_place_prefix(word: &str) -> bool {
    PLACE_PREFIXES.contains(bare(word))
}

/// A function word (determiner, pronoun, preposition, conjunction, modal):
/// never part of a name, whatever its capital letter says.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains_lowercase_of(word)
}

/// The lowercase words of the lexicon whose first tag is a function word's,
/// listed by `build.rs`.
static FUNCTION_WORDS: WordSet =
    WordSet::new(include!(concat!(env!("OUT_DIR"), "/function_words.rs")));

/// Countries, states, regions and large cities (`rules/places.txt`).
static PLACES: &str = include_str!("../../rules/places.txt");

/// A place name that can stand where a person stands (`Kenya said`).
pub fn is_place(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let places = SET.get_or_init(|| {
        let places: Vec<&str> = PLACES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        // Built once for the process, like the file it reads.
        WordSet::new(Box::leak(places.into_boxed_slice()))
    });
    places.contains(word)
}

/// The word without a trailing full stop, for list lookups.
fn bare(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

/// A title before a person's name. Place prefixes (`St.`, `Mt.`) that share
/// the abbreviation list are not titles here.
pub fn is_title_word(word: &str) -> bool {
    // Every title and title abbreviation starts with a capital A–Z: most
    // words are decided here, before any list is searched.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let word = bare(word);
    TITLE_WORDS.contains(word) || (is_title_abbreviation(word) && !is_place_prefix(word))
}

pub fn is_person_noun(word: &str) -> bool {
    PERSON_NOUNS.contains(word)
}

/// [`is_person_noun`] of the word's lowercase form.
pub fn is_person_noun_lowercased(word: &str) -> bool {
    PERSON_NOUNS.contains_lowercase_of(word)
}

/// Heads of place names that are also common surnames (`Ian Lane`, `Ann
/// Hall`): after a first name they are surnames.
pub fn is_surname_like_head(word: &str) -> bool {
    matches!(
        word,
        "Banks"
            | "Bay"
            | "Bridges"
            | "Church"
            | "Fair"
            | "Field"
            | "Fields"
            | "Hall"
            | "Hill"
            | "House"
            | "Lane"
            | "Park"
            | "Post"
            | "Rivers"
            | "Street"
            | "Wood"
            | "Woods"
    )
}

pub fn is_non_person_head(word: &str) -> bool {
    NON_PERSON_HEADS.contains(bare(word))
}

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(word)
}

/// [`is_name_particle`] of the word's lowercase form.
pub fn is_name_particle_lowercased(word: &str) -> bool {
    NAME_PARTICLES.contains_lowercase_of(word)
}

pub fn is_month_or_day(word: &str) -> bool {
    MONTHS_AND_DAYS.contains(bare(word))
}

pub fn is_name_suffix(word: &str) -> bool {
    NAME_SUFFIXES.contains(&bare(word))
}

/// A nationality or other adjective of place (`Kenyan`, `Danish`,
/// `Chinese`, `Israeli`) or its plural (`Kenyans`). The lexicon tags these
/// as adjectives; the ending keeps surnames that are also adjectives
/// (`Young`, `Black`) out.
pub fn is_demonym(word: &str) -> bool {
    // The endings first: they rule out most words without a lookup.
    let adjective = |w: &str| {
        w.starts_with(char::is_uppercase)
            && ["an", "ese", "ish", "i", "ch", "ss", "ic", "ek", "ai", "ech"]
                .iter()
                .any(|end| w.ends_with(end))
            && pos::lookup(w).is_some_and(|e| e.has(pos::Tag::JJ))
    };
    adjective(word) || word.strip_suffix('s').is_some_and(adjective)
}

/// The pronoun's grammatical gender, if it is a third-person singular one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn other(self) -> Gender {
        match self {
            Gender::Female => Gender::Male,
            Gender::Male => Gender::Female,
        }
    }
}

/// he/him/his/himself → Male; she/her/hers/herself → Female.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    if !may_be_pronoun(word.as_bytes()) {
        return None;
    }
    with_ascii_lowercase(word, |lower| match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    })
}

/// Could these bytes be a word [`pronoun_gender`] knows? Pronouns are two,
/// three, four or seven letters starting with `he`, `hi` or `sh`, in either
/// case: most words (`has`, `have`, `so`, `should`) are ruled out here,
/// before they are read as text or lowercased.
pub fn may_be_pronoun(word: &[u8]) -> bool {
    let head = word.first_chunk::<2>().copied().unwrap_or([0; 2]);
    may_be_pronoun_by(head, word.len())
}

/// [`may_be_pronoun`] told by a word's first two bytes (any two bytes, if
/// it is shorter) and its length.
#[inline(always)]
pub fn may_be_pronoun_by(head: [u8; 2], len: usize) -> bool {
    /// A bit per length of a pronoun: `he`; `him`, `his`, `her`, `she`;
    /// `hers`; `himself`, `herself`.
    const LENGTHS: u32 = 1 << 2 | 1 << 3 | 1 << 4 | 1 << 7;
    let start = |pair: [u8; 2]| u16::from_le_bytes(pair);
    // Setting the 0x20 bits lowercases ASCII capitals and turns no other
    // byte into a lowercase letter.
    let head = start(head) | 0x2020;
    // Every test is made, with no branch between them: asked of every
    // word, whether one passes is not predictable.
    (len < 8)
        & (LENGTHS >> (len & 7) & 1 == 1)
        & ((head == start(*b"he")) | (head == start(*b"hi")) | (head == start(*b"sh")))
}

/// The gender an honorific or gendered title states.
pub fn honorific_gender(word: &str) -> Option<Gender> {
    match bare(word) {
        "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Brother" | "Sheikh" | "Sultan"
        | "Baron" | "Duke" | "Earl" | "Count" | "Emperor" | "Czar" | "Tsar" | "Monsieur"
        | "Herr" | "Senor" | "Emir" | "Congressman" | "Assemblyman" | "Councilman" | "Chairman"
        | "Spokesman" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Sister" | "Baroness"
        | "Duchess" | "Countess" | "Empress" | "Madame" | "Frau" | "Senora" | "Congresswoman"
        | "Assemblywoman" | "Councilwoman" | "Chairwoman" | "Spokeswoman" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_the_words_the_lexicon_tags_so_first() {
        use crate::lowercase::with_lowercase;
        use pos::Tag::*;
        let tagged_so = |word: &str| {
            with_lowercase(word, pos::lookup).is_some_and(|e| {
                matches!(
                    e.primary,
                    DT | PDT | PRP | PRPS | WP | WPS | WDT | WRB | IN | CC | MD | TO | EX
                )
            })
        };
        let lexicon = include_str!("../../rules/lexicon/en-lexicon_penn.tsv");
        let words = lexicon
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, _)| w);
        for word in words.chain(["The", "OF", "Will", "MAY", "Notwithstanding", "Senate"]) {
            let capitalised: String = word
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(word.chars().skip(1))
                .collect();
            for form in [word, &capitalised] {
                assert_eq!(is_function_word(form), tagged_so(form), "{form}");
            }
        }
    }

    #[test]
    fn the_pronoun_screen_passes_every_pronoun_in_any_case() {
        for pronoun in [
            "he", "him", "his", "himself", "she", "her", "hers", "herself",
        ] {
            let capitalised = format!("{}{}", pronoun[..1].to_uppercase(), &pronoun[1..]);
            for form in [pronoun.to_string(), capitalised, pronoun.to_uppercase()] {
                assert!(may_be_pronoun(form.as_bytes()), "{form}");
                assert!(pronoun_gender(&form).is_some(), "{form}");
            }
        }
        for word in [
            "has", "have", "so", "should", "shall", "h", "", "heads", "shown", "the",
        ] {
            assert!(!may_be_pronoun(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn lookups() {
        assert!(is_title_word("Secretary") && is_title_word("Lt.") && is_title_word("Sgt"));
        assert!(!is_title_word("Gorman"));
        assert!(is_non_person_head("Road") && is_non_person_head("Board"));
        assert!(is_demonym("Kenyan") && is_demonym("Kenyans") && is_demonym("Chinese"));
        assert!(!is_demonym("Gorman") && !is_demonym("Young") && !is_demonym("Reeds"));
        assert!(is_place("Kenya") && is_place("Nairobi") && !is_place("Gorman"));
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(honorific_gender("Mr."), Some(Gender::Male));
    }
}
