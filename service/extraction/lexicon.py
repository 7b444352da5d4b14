"""Word lists that drive the attribution rules."""

# Verbs whose clausal complement is reported speech or a reported finding.
REPORTING_VERBS = frozenset(
    """
    say tell add state announce claim insist argue explain note report warn confirm acknowledge
    admit reveal write maintain stress emphasise emphasize contend allege assert declare predict
    estimate concede respond reply recall testify tweet post remark observe indicate hint signal
    believe think consider conclude find suggest complain agree deny caution reiterate disclose
    inform assure reassure contest counter mention concur answer point
    """.split()
)

# Verbs that express a stance, demand or accusation; their object is the claim.
STANCE_VERBS = frozenset(
    """
    accuse urge call demand criticise criticize condemn blame reject deny question dispute oppose
    challenge defend welcome praise slam attack denounce propose recommend ask appeal press vow
    pledge promise threaten refuse dismiss decry lament object protest request advise implore
    warn insist push back endorse applaud rebuke fault charge dispute label brand
    """.split()
)

# Of the above, verbs whose object must be a clause or a verb phrase to count as a stance.
CLAUSAL_ONLY_STANCE = frozenset({"ask", "press", "push", "call", "back", "charge", "advise"})

# Verbs that report an announcement when used in the passive with an agent ("was announced by").
PASSIVE_ANNOUNCE_VERBS = frozenset(
    "announce propose unveil confirm reveal report recommend order declare publish".split()
)

# Nouns that name something said; "Those words came from X" attributes a preceding quote.
SPEECH_NOUNS = frozenset(
    """
    word words message warning remark remarks comment comments statement response quote plea appeal
    assessment verdict criticism rebuke reply answer admission promise pledge threat
    """.split()
)

# Nouns that introduce an attributed stance: "among the complaints of X are ...".
STANCE_NOUNS = frozenset(
    """
    complaint concern demand grievance accusation objection criticism position argument charge
    allegation claim
    """.split()
)

# Subordinators of background clauses; a cue inside them is narration ("when Biden suggested").
NARRATIVE_MARKS = frozenset("when after before since while until once as".split())

# Words that are titles or roles, not parts of a person's name.
TITLE_WORDS = frozenset(
    """
    president minister secretary chief executive director officer spokesman spokeswoman
    spokesperson senator governor mayor councilwoman councilman councillor councilor candidate
    chairman chairwoman chair deputy general attorney judge justice sgt sergeant captain
    lieutenant colonel gen dr mr mrs ms miss prof professor sir dame lord king queen prince
    princess pope ambassador commissioner inspector superintendent detective representative rep
    sen gov leader head founder ceo cfo coo chancellor premier envoy advisor adviser economist
    analyst lawyer barrister solicitor editor correspondent manager principal dean bishop
    archbishop rabbi imam reverend rev coach sheriff prosecutor vice assistant press auditor
    constable commander admiral marshal speaker treasurer comptroller counsel mp mep chairperson
    sec foreign interior defence defense finance prime national security health
    """.split()
)

# Honorifics kept out of a person's name.
HONORIFICS = frozenset("dr dr. mr mr. mrs mrs. ms ms. sgt sgt. prof prof. sir dame rev rev.".split())

# Role nouns: a bare "the spokesman" is a person whose name is given elsewhere.
ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson minister president secretary chief director officer
    senator governor mayor councillor councilor candidate chairman chairwoman chair judge justice
    ambassador commissioner prosecutor lawyer barrister editor manager executive founder leader
    head economist analyst official adviser advisor envoy premier chancellor
    """.split()
)

# Last words that mark a proper-noun chunk as an organisation.
ORG_WORDS = frozenset(
    """
    union authority department ministry commission office council coalition project federation
    supermarkets dairies systems air airlines airways biopharma inc ltd plc llc corp corporation
    group party bank agency directorate court herald times post news company co association
    institute university college foundation committee board bureau service services police army
    navy government administration parliament congress senate assembly league alliance network
    fund trust partners holdings industries motors labs laboratories pharmaceuticals energy
    organisation organization society club camp campaign front movement centre center
    """.split()
)

# Pronouns that stand for a previously named person or group.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
NEUTER_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# Generic head words of side names ("Whitcombe camp") whose remaining words also name the side.
GENERIC_SIDE_WORDS = frozenset(
    "camp campaign team side supporters allies faction government administration".split()
)
