"""More real words (hand written), rich in common derivational endings.

They are hosts for the `containing` innocent class (a list entry that is an inner
cut of many real words) and extend the real-word filter for generated entries.
"""

EN_ING = """
acting adding advertising agreeing aiming allowing amazing amusing annoying answering appearing
applying arguing arranging arriving asking attacking avoiding baking balancing banning bargaining
barking bathing batting bearing beating becoming begging behaving believing belonging betting
biking billing blending blessing blocking blowing boarding boating boiling  booking
boosting boring borrowing bouncing bowling boxing braking branding breaking breathing 
brewing bridging briefing broadcasting browsing brushing budgeting buying buzzing calculating
calling camping canceling caring carrying carving casting catching causing celebrating chanting
charging charming chasing chatting cheating cheering chewing choosing chopping circling claiming
clapping clicking climbing clinging clipping closing clothing coaching coding collecting coloring
combining commuting comparing competing complaining completing computing concerning conducting
confusing connecting considering consulting containing continuing contracting controlling
converting cooling coping copying correcting costing coughing counseling covering cracking crafting
crashing crawling creating crossing crowding crushing crying cutting cycling damaging dancing
 dealing debating decorating deleting delivering demanding depending deserving designing
developing dialing digging dining directing disappearing discussing diving doubling downloading
dragging draining drawing dressing drifting drilling dripping driving drowning drumming drying
dumping dusting dwelling earning easing editing educating eliminating embracing emerging
employing enabling encouraging engaging entering escaping estimating evaluating exciting existing
expanding expecting explaining exploring exporting expressing facing failing fainting fading
falling farming fascinating fasting feeding feeling fencing fighting filling filming filtering
financing firing fishing fitting flashing flattering floating flooding flowing flying folding
following forcing forecasting forgetting forming forwarding framing freezing frightening frying
fulfilling gaining gambling gaming gathering gazing giving glowing gluing going grabbing grading
granting grilling grinning growing guarding guessing guiding handling hanging harvesting hatching
healing hearing heating helping hiking hiring hitting holding hopping hosting housing 
humming hurrying hurting ignoring imagining importing improving including increasing indexing
informing inspiring installing interesting inventing investing ironing itching jogging joining
joking judging juggling jumping keeping kicking   kneeling knitting knocking
knowing labeling lacking laughing launching laying leading leaking leaning leaping leasing leaving
lecturing letting  lifting lighting liking limiting lining living loading loaning locking
logging longing looking losing lying mailing maintaining making managing mapping marching marketing
matching  meaning measuring melting mending merging messaging milking minding mining missing
mixing modeling monitoring mopping moving mowing muddling multiplying nailing naming needing
nesting networking nodding noting numbering nursing obeying observing obtaining offering operating
ordering organizing owning packaging paddling pairing parading parenting passing pasting patching
pausing paving peeling peering performing phoning picking piling pinning pitching placing planning
plating playing pleading pleasing plotting plugging plumbing polishing polling posting pouring
practicing praying preaching predicting preferring preparing presenting preserving pressing
pretending preventing pricing printing processing producing programming promising promoting
proposing protecting proving providing publishing pulling punching purchasing pushing putting
puzzling qualifying questioning queuing quilting quitting racing raising ranging rating reaching
reacting realizing reasoning rebuilding receiving recording recovering recycling reducing
reflecting refusing regarding relating releasing relying remaining reminding removing repairing
replacing reporting representing requesting rescuing resting retiring revealing reviewing riding
rinsing rising roaring roasting  rocking rolling roofing rotating rowing rubbing ruling
rushing sailing salting sampling saving saying scanning scaring scoring scratching screaming
screening sealing searching seating securing seeing seeking selecting selling serving setting
settling sewing shaking shaping sharing shaving shining shooting shouting sighing signing
sitting skating sketching skiing skipping sliding slipping smelling smiling smoking snacking
sneezing snowing soaking solving sorting sparkling spelling spinning splitting spoiling sprinting
squeezing stacking staffing staging staring starring starting stating staying stealing steering
stepping stinging stirring stitching stocking storing stretching striking  strolling
studying stuffing styling submitting subtracting suffering suggesting suiting supplying supporting
surfing surprising surrounding surviving swapping sweating sweeping switching tagging tailoring
taking tanning tapping tasting teaching tearing telling tempting testing texting thawing thriving
ticking  tidying tiling timing tipping tiring toasting touring towing trading trailing
trapping treating trembling tricking trimming tripping trusting trying tubing tuning turning
tutoring twisting typing unloading unlocking updating uploading urging using vacuuming valuing
viewing voting waiting waking warming warning washing wasting watering waving wearing weaving
wedding weighing welcoming wheeling whipping whispering whistling winning wiping wiring wishing
worrying wrapping wrestling wrinkling writing yawning yelling zipping zooming
""".split()

EN_TION = """
abbreviation absorption acceleration accusation action activation adaptation addiction adoption
affection allocation ambition animation anticipation application appreciation approximation
aspiration assertion association attraction auction authorization automation aviation
calculation cancellation caption celebration certification circulation civilization clarification
classification coalition collection collision combination commotion communication compilation
completion complication composition compression concentration conception condition confirmation
confusion congestion conjunction connection consideration consolation constellation constitution
construction consultation contemplation contraction contradiction contribution convention
conversation conversion conviction cooperation coordination corporation correction corruption
creation cultivation decision declaration decoration dedication deduction definition delegation
deletion demonstration depiction depression description destruction detection determination
devotion dictation digestion dimension direction discretion discrimination discussion distinction
distortion distraction distribution donation duration edition education election elevation
elimination emotion emulation erosion eruption evaluation evaporation exception exclusion
execution exemption exhibition expansion expectation expedition explanation exploration explosion
exportation expression extension extinction extraction fascination federation fiction foundation
fraction friction frustration function generation graduation gravitation hesitation
identification illumination illustration imagination imitation implementation implication
impression inclusion indication infection inflation information injection innovation inscription
inspection inspiration installation instruction integration intention interaction interception
interpretation interruption intersection introduction intuition invention investigation
invitation irrigation isolation jurisdiction legislation limitation location lotion mansion
meditation mention migration mission moderation modification motivation multiplication mutation
narration navigation negotiation nomination notation notification nutrition objection obligation
observation occupation operation opposition option orientation ornamentation participation
passion pension perception perfection permission persuasion petition pollution population portion
position possession precaution precision prediction preparation prescription presentation
preservation prevention production profession projection promotion pronunciation proportion
proposition protection provision publication qualification question ration reaction realization
reception recognition recommendation reconstruction recreation reduction reflection regulation
rehabilitation relation relaxation reproduction reputation reservation resignation resolution
respiration restoration restriction retention revelation revision revolution rotation salvation
satisfaction section selection sensation separation session simulation situation solution
specification speculation station stimulation subscription substitution subtraction suggestion
supervision suspension tension termination tradition transaction transformation transition
translation transmission transportation tuition vacation validation variation vegetation
vibration violation vision visualization
""".split()

EN_MISC_SUFFIX = """
accomplishment adjustment advancement amazement announcement appointment arrangement assessment
attachment basement commitment compartment contentment department development disappointment
employment encouragement engagement enhancement enjoyment entertainment environment equipment
establishment excitement government improvement instrument investment judgment management
measurement movement payment placement punishment recruitment replacement requirement resentment
retirement settlement shipment statement supplement tournament treatment
apprenticeship authorship championship citizenship companionship craftsmanship dictatorship
fellowship friendship hardship internship leadership membership ownership partnership
relationship scholarship sponsorship township workmanship
awareness blindness boldness brightness calmness carelessness cleverness closeness coldness
darkness eagerness effectiveness emptiness fairness fitness fondness forgiveness freshness
friendliness gentleness goodness greatness happiness harshness helpfulness homelessness illness
kindness laziness likeness loneliness loudness madness mildness neatness nervousness openness
politeness quickness readiness richness roughness sadness sharpness shyness sickness smoothness
softness stiffness stillness sweetness thickness tidiness tiredness toughness ugliness weakness
wellness wilderness witness
acceptable adaptable adjustable admirable affordable agreeable available believable breakable
capable changeable comfortable comparable considerable dependable desirable disposable drinkable
durable enjoyable equitable fashionable favorable flexible forgettable honorable horrible
incredible inevitable inflatable invisible laughable likable lovable manageable memorable
miserable noticeable notable payable portable possible predictable preferable presentable
probable profitable reasonable recyclable reliable remarkable renewable respectable responsible
sensible sociable suitable sustainable terrible understandable unforgettable valuable variable
visible washable wearable workable
beautiful careful cheerful colorful delightful doubtful faithful fearful forceful forgetful
grateful harmful helpful hopeful joyful meaningful mindful painful peaceful playful powerful
purposeful regretful resourceful respectful restful skillful successful thankful thoughtful
truthful useful wasteful watchful wonderful youthful
breathless careless cloudless colorless endless fearless harmless helpless homeless hopeless
meaningless motionless needless pointless powerless priceless reckless regardless restless
seamless sleepless speechless spotless timeless tireless useless wireless worthless
ability activity authority capacity celebrity charity city community creativity curiosity
diversity electricity facility familiarity flexibility generosity gravity humanity humidity
identity intensity majority maturity minority mobility necessity opportunity personality
popularity possibility priority probability productivity prosperity publicity quality quantity
reality responsibility security sensitivity simplicity society stability university variety
velocity visibility vitality
abundance acceptance acquaintance allowance ambulance appearance assistance attendance balance
brilliance clearance confidence conference consequence convenience correspondence dependence
difference distance elegance emergence endurance entrance evidence excellence existence experience
finance fragrance guidance ignorance importance independence influence inheritance insurance
intelligence interference maintenance obedience patience performance persistence preference
presence reference relevance reluctance residence resistance romance sentence silence
substance tolerance violence
chemical classical critical cylindrical electrical grammatical historical identical logical
magical mathematical mechanical medical musical mystical nautical optical physical political
practical radical statistical technical theatrical topical tropical typical vertical
adventure agriculture architecture capture creature culture departure feature fixture furniture
gesture lecture legislature literature manufacture miniature mixture moisture nature picture
posture pressure puncture rapture scripture sculpture signature structure temperature texture
venture
""".split()

DE_MORE = """
abteilung achtung ahnung anleitung anmeldung anordnung anrufung ansprache anstellung anwendung
anzeige aufforderung auflösung aufnahme ausbildung ausstellung auswahl bedeutung bedienung
begleitung begründung behandlung beleuchtung bemerkung berechnung beratung berechtigung
beschreibung besichtigung bestellung bestätigung betreuung bewegung bewerbung bezahlung
beziehung bildung buchhaltung buchung datenschutz dichtung dienstleistung drohung einführung
eingabe einladung einleitung einrichtung einstellung empfehlung entfernung entscheidung
entschuldigung entwicklung erfahrung erfindung erholung erinnerung erkältung erklärung
ernährung eröffnung erwartung erziehung fahrzeug festung forschung fortsetzung frühstückspension
gebrauchsanweisung genehmigung gesellschaft gestaltung gewinnung haltung handlung heizung
hoffnung impfung kleidung kreuzung kündigung landung leistung leitung lieferung lösung meinung
mitteilung nachrichtensendung nutzung ordnung planung prüfung rechnung regierung reinigung
richtung sammlung schätzung schulung sendung sicherung sitzung spannung sprachschule stellung
steuerung stiftung störung übersetzung übung umgebung unterhaltung unterstützung untersuchung
verantwortung verbindung verbesserung vereinbarung verfassung vergleichung verhandlung
verletzung vermietung verpackung versammlung versicherung verspätung verwaltung verwendung
verzeichnis vorbereitung vorlesung vorstellung wahrnehmung wanderung warnung werbung wirkung
wohnung zahlung zeichnung zeitung zulassung zusammenfassung
bruderschaft bürgerschaft eigenschaft erbschaft feindschaft freundschaft gemeinschaft
gewerkschaft herrschaft kundschaft landschaft leidenschaft mannschaft nachbarschaft
partnerschaft schwangerschaft verwandtschaft wirtschaft wissenschaft
dankbarkeit ehrlichkeit fähigkeit feuchtigkeit flüssigkeit freundlichkeit geschwindigkeit
gerechtigkeit gesundheit gewohnheit höflichkeit kleinigkeit krankheit möglichkeit neuigkeit
öffentlichkeit persönlichkeit schönheit schwierigkeit sicherheit tätigkeit vergangenheit
wahrheit wirklichkeit zufriedenheit
abendessen autobahnausfahrt bahnsteig bauernhof bergsteiger bettdecke bilderbuch blumenstrauß
briefmarke brotmesser bücherregal computerspiel dachboden einkaufswagen eisdiele erdbeermarmelade
fahrradhelm fernsehturm feuerwerk flugbegleiter fotoapparat fußballplatz gartenstuhl
geburtstagskuchen glühbirne handtasche hausmeister haustür holzfäller hundehütte kaffeetasse
kartoffelbrei kinderzimmer kirschbaum kochbuch kopfhörer krankenschwester kühlschrank
lastwagen lebensmittelgeschäft leuchtturm mittagspause mülltonne nachttisch obstkorb
regenmantel reisebüro sandkasten schlafanzug schreibmaschine schwimmbecken sonnenuntergang
spaziergang stadtplan taschenlampe teelöffel telefonnummer tischdecke treppenhaus
unterschrift urlaubsreise waschbecken weihnachtsbaum wintermantel wochenmarkt zahnpasta
zeitschrift zitronensaft
""".split()

FR_MORE = """
accomplissement achèvement agrandissement aménagement amusement appartement applaudissement
approvisionnement arrangement assortiment attachement avertissement bâtiment changement
chargement classement commencement comportement déménagement département développement
divertissement écoulement encouragement enregistrement enseignement entraînement environnement
équipement établissement événement fonctionnement gouvernement hébergement investissement
jugement lancement logement mouvement paiement parlement placement rangement recensement
remboursement remerciement renseignement sentiment stationnement traitement
abréviation administration alimentation amélioration animation application association
attention augmentation autorisation circulation collection combinaison communication
compréhension concentration confirmation connexion consommation construction conversation
coopération création décoration description destination direction discussion distribution
éducation émission exposition fabrication formation génération habitation illustration
information inscription installation instruction intention introduction invitation location
manifestation modification navigation notification observation occupation opération
organisation orientation participation population préparation présentation production
protection publication réalisation réception recommandation réduction réparation réservation
révolution situation solution station tradition traduction transformation transmission
augmentation
boulangerie charcuterie pâtisserie quincaillerie blanchisserie papeterie librairie épicerie
fromagerie boucherie poissonnerie brasserie crêperie parfumerie bijouterie
""".split()

ES_MORE = """
aburrimiento acontecimiento agradecimiento alojamiento aparcamiento atrevimiento ayuntamiento
calentamiento comportamiento conocimiento crecimiento cumplimiento descubrimiento
entrenamiento entretenimiento establecimiento funcionamiento lanzamiento levantamiento
mantenimiento medicamento movimiento nacimiento nombramiento pensamiento procedimiento
reconocimiento rendimiento sentimiento sufrimiento tratamiento
actuación administración alimentación aplicación asociación atención calefacción canción
celebración circulación colección combinación comunicación concentración condición
confirmación conexión construcción conversación creación decoración descripción dirección
discusión distribución educación elección estación exposición formación generación
habitación iluminación información inscripción instalación instrucción intención
invitación justificación localización manifestación modificación navegación notificación
observación operación organización población preparación presentación producción
protección publicación reacción recepción recomendación reducción relación reparación
reservación revolución selección situación solución suscripción tradición traducción
transformación ubicación vacunación
""".split()

IT_MORE = """
abbigliamento allenamento appartamento apprendimento argomento arredamento atteggiamento
avvenimento caricamento cambiamento collegamento comportamento divertimento documento
elemento esperimento fallimento funzionamento investimento medicamento momento monumento
movimento pagamento parlamento pavimento regolamento riconoscimento riscaldamento strumento
trattamento
abitazione alimentazione applicazione associazione attenzione autorizzazione collezione
colazione combinazione comunicazione condizione confezione costruzione conversazione
creazione decorazione descrizione destinazione direzione distribuzione educazione
esposizione formazione generazione illuminazione informazione iscrizione istruzione
lezione manutenzione modificazione navigazione operazione organizzazione popolazione
posizione preparazione presentazione prenotazione produzione protezione pubblicazione
relazione riparazione rivoluzione soluzione stazione tradizione traduzione trasformazione
""".split()

NL_MORE = """
aanbieding aankondiging afdeling afspraak bediening begeleiding behandeling belasting
bestelling betaling beweging bezorging bijeenkomst tentoonstelling uitnodiging uitvinding
verbinding vereniging vergadering verhuizing verkiezing verlenging vermelding verpleging
verwarming verzekering voorstelling waarschuwing wandeling woning opleiding oplossing
rekening richting ervaring herinnering kleding regering teleurstelling
""".split()

PT_MORE = """
alimentação aplicação associação atenção canção celebração comunicação condição construção
conversação criação decoração descrição direção distribuição educação estação exposição
formação geração habitação informação instalação instrução intenção localização observação
operação organização população preparação produção proteção publicação reação recepção
relação reserva reparação revolução situação solução tradução transformação
acontecimento agradecimento alojamento apartamento comportamento conhecimento crescimento
departamento desenvolvimento equipamento estacionamento funcionamento investimento
medicamento movimento pagamento pensamento sentimento tratamento
""".split()

MORE_WORDS = EN_ING + EN_TION + EN_MISC_SUFFIX + DE_MORE + FR_MORE + ES_MORE + IT_MORE + NL_MORE + PT_MORE


def _derived():
    """Regular inflections of the words above (plurals, -ably/-fully adverbs, ...)."""
    out = []
    for w in EN_TION + [x for x in EN_MISC_SUFFIX if x.endswith(("ment", "ship", "ture", "ance", "ence"))]:
        out.append(w + "s")
    for w in EN_MISC_SUFFIX:
        if w.endswith("able"):
            out.append(w[:-1] + "y")
        elif w.endswith("ible"):
            out.append(w[:-1] + "y")
        elif w.endswith("ful"):
            out.append(w + "ly")
        elif w.endswith("less"):
            out.append(w + "ly")
        elif w.endswith("ical"):
            out.append(w + "ly")
    for w in DE_MORE:
        if w.endswith("ung"):
            out.append(w + "en")
        elif w.endswith("schaft"):
            out.append(w + "en")
        elif w.endswith(("keit", "heit")):
            out.append(w + "en")
    for w in FR_MORE:
        if w.endswith(("tion", "ment")):
            out.append(w + "s")
    for w in ES_MORE:
        if w.endswith("ción"):
            out.append(w[:-4] + "ciones")
        elif w.endswith("sión"):
            out.append(w[:-4] + "siones")
        elif w.endswith("miento"):
            out.append(w + "s")
    for w in IT_MORE:
        if w.endswith("zione"):
            out.append(w[:-1] + "i")
        elif w.endswith("mento"):
            out.append(w[:-1] + "i")
    for w in PT_MORE:
        if w.endswith("ção"):
            out.append(w[:-3] + "ções")
        elif w.endswith("mento"):
            out.append(w + "s")
    for w in NL_MORE:
        if w.endswith("ing"):
            out.append(w + "en")
    return out


DERIVED = _derived()
MORE_WORDS = MORE_WORDS + DERIVED

EN_ED_ER = """
accepted accomplished adjusted admitted adopted advanced affected afforded alarmed amended
amounted animated announced appointed approached arranged arrested assembled assigned
assisted assumed attached attempted attended attracted balanced banked blended blocked
boarded bonded bookmarked bordered branded brightened broadcasted bundled burned camped
canceled captured carpeted cashed celebrated centered certified challenged charted checked
cherished clicked coached collected combined commented committed compared compensated
competed completed complicated composed compressed computed concentrated concerned conducted
confirmed connected considered constructed consulted contacted contained contented contracted
contributed converted convinced corrected counted crafted crowded crushed cultivated
decorated defended delighted delivered demanded departed depended deposited described
deserted designed detected developed dictated directed disconnected discovered dismissed
displayed distracted divided documented donated downloaded drafted dressed drilled earned
edited elected embarked emphasized employed enchanted ended engineered enlisted entertained
equipped escorted established exempted exhausted expanded expected exported extended extracted
fainted filtered finished flattered forwarded founded framed frightened fulfilled funded
gardened granted grounded guarded handcrafted harvested headed helped hunted imported impressed
included inherited injected inspected installed instructed insulted intended interested
invented invested jumped landed launched licensed limited linked listed loaded locked
marked matched melted mentioned merged minded mounted neglected numbered obtained offended
painted parked partnered patented performed permitted picked pitched planted pointed polished
posted predicted prescribed presented pretended printed projected prompted protected punished
qualified ranked recorded reflected rejected relaxed remarked rented repeated reported
represented requested respected responded restricted rewarded sanded scanned scattered
sculpted selected shortened shouldered signaled skipped snapped sorted spotted sprinted
stamped started stitched stranded structured subscribed subtracted suggested supported
surrounded tempted thanked thundered tracked transformed transported trusted twisted unlocked
uploaded upgraded vanished wandered wanted warned watched wondered worked wrapped
adapter advertiser ambassador attender banker binder blender bookkeeper borrower builder
camper carpenter carver charger climber collector commander commuter composer computer
conductor consumer container contender controller converter counter crafter customer
defender designer developer drinker driver employer engineer entertainer explorer exporter
farmer filter finder folder founder gardener golfer grinder handler helper hunter importer
inventor investor jumper keeper landlord leader lender listener locker maker manager
marker monster organizer owner painter partner performer photographer planner planter player
plumber pointer poster printer producer programmer protector publisher ranger reader recorder
reporter researcher retailer runner sander scanner sculptor seller shopper singer sister
skater speaker spender sponsor sprinter starter stranger supporter surfer swimmer teacher
thinker trader trainer translator traveler trucker tutor viewer visitor walker wanderer
washer winner worker wrapper writer
beginnings belongings buildings clippings drawings earnings endings evenings feelings findings
greetings happenings helpings landings listings meetings mornings openings paintings plantings
proceedings rankings readings recordings savings settings shavings sightings stockings
surroundings teachings trimmings warnings weddings writings bookings bindings crossings
""".split()

DE_COMPOUND = """
abfallbehälter abflugzeit anfangszeit arbeitgeber arbeitnehmer arbeitszimmer augenarzt
ausgangstür aussichtsturm badehose bahnfahrt bankkonto baumschule bergbahn bergwanderung
bewerbungsgespräch bildschirmschoner blumentopf bratpfanne brieftasche brotkorb bushaltestelle
dachfenster dampfschiff denkmal dorfplatz drachenflieger druckerpatrone durchsage eckbank
eingangstür einkaufszentrum eintrittskarte eisenbahnbrücke eiswürfel elternabend erdgeschoss
fahrkartenautomat fahrschule familienfeier farbstift federball feierabendbier fensterbank
fernstudium feuerwehrmann filmabend fischmarkt flugticket fluglotse fotoalbum freizeitpark
friedhof frühlingsanfang fundbüro fußballspiel gartenarbeit gasthaus geldbeutel gemüsegarten
geschirrspüler getränkemarkt gewürzregal glasflasche grundschule gummistiefel haarschnitt
hafenstadt handschrift handwerksbetrieb hauptstadt hausarzt hausnummer heimweg himbeere
hochhaus holzhaus hosentasche hundeleine jahreszeiten jugendherberge kaffeemühle kartenspiel
kastanienbaum kinderspielplatz kirchturm kletterwand kochtopf kopfkissenbezug korkenzieher
kühltasche kunstmuseum landstraße laufband lebkuchen lehrerzimmer lesebrille liegestuhl
luftballon marktplatz mathebuch milchkaffee mittagessen mondfinsternis motorboot
nachbarhaus nachtzug nähmaschine nordsee notausgang obstgarten ohrring parkhaus pfannkuchen
pferdestall pilzsuppe postkarte radiosender rasenmäher rathausplatz regenwald reisetasche
ringbuch rotwein rucksackreise sackgasse salzstreuer schachbrett schaufenster schlittschuh
schneeflocke schokoladenkuchen schranktür schreibtischlampe schulbus schwimmbrille seilbahn
sonnenbrille sonntagsbraten spielkarte sportplatz stadtpark stehlampe steinpilz sternwarte
stiefmutter stromrechnung suppenteller tannenbaum tanzschule tischtennis torwart
trinkflasche tropfsteinhöhle türklingel turnschuhe uhrmacher umkleidekabine verkehrsampel
vogelhaus vollmond waldweg wanderkarte wasserglas wasserflasche weinberg weltkarte werkzeugkasten
wetterdienst windjacke winterreifen wohnzimmer wörterbuch zahnbürste zeltplatz ziegelstein
zuckerdose zugfahrt
""".split()
EN_ED_ER = [w for w in EN_ED_ER if w.isalpha()]
MORE_WORDS = MORE_WORDS + EN_ED_ER + DE_COMPOUND

EN_FAMILIES = """
bonding commanding expanding grinding handing minding mending pounding rounding scolding
folding holding molding welding yielding shielding gilding wounding surrounding responding
corresponding recommending pretending offending lending tending blending spending bending
unbending demanding befriending rebranding outstanding upstanding withstanding
accounting acquainting anointing appointing assenting consenting dissenting fainting granting
haunting hinting jaunting lamenting lenting minting orienting planting printing reprinting
scenting slanting squinting stunting tinting venting renting rerenting augmenting commenting
fermenting implementing supplementing tormenting documenting experimenting
backing blocking cracking docking hacking knocking locking mocking necking packing picking
plucking pocking racking rocking shocking smacking snacking socking stacking sticking
stocking tacking tracking trucking ticking tucking unpacking wrecking attacking cracking
barking marking parking networking bookmarking benchmarking embarking remarking smirking
camping clamping cramping dumping jumping limping pumping romping stamping stomping thumping
bumping lumping slumping trumping
starting sorting reporting supporting exporting importing converting alerting asserting
comforting courting deserting diverting escorting inserting parting resorting transporting
distorting extorting purporting sporting averting inverting reverting subverting
bringing hanging ranging longing arranging exchanging challenging estranging
charging merging emerging converging diverging submerging urging surging purging
building guilding
folders holders builders founders lenders blenders grinders binders finders printers painters
hunters counters planters renters mounters pointers jumpers campers pumpers trackers packers
stackers lockers rockers markers parkers workers starters reporters supporters exporters
importers converters sorters chargers
""".split()

DE_FAMILIES = """
sendung verbindung erfindung gründung landung verwendung anwendung empfindung abwendung
zuwendung vollendung beendung entsendung aussendung
haltung verwaltung gestaltung unterhaltung veranstaltung schaltung spaltung erhaltung
einhaltung abschaltung zurückhaltung buchhaltung haushaltung
übersetzung besetzung verletzung schätzung fortsetzung unterstützung nutzung benutzung
sitzung verschmutzung voraussetzung ersetzung umsetzung festsetzung auseinandersetzung
rechnung zeichnung berechnung bezeichnung belohnung erwähnung gewöhnung mahnung
abrechnung aufzeichnung auszeichnung kennzeichnung
bildung meldung anmeldung abmeldung ausbildung fortbildung weiterbildung einbildung
handlung behandlung verhandlung abhandlung misshandlung umwandlung
möglichkeit fähigkeit tätigkeit flüssigkeit geschwindigkeit abhängigkeit häufigkeit
zuverlässigkeit gültigkeit richtigkeit wichtigkeit notwendigkeit gerechtigkeit
ewigkeit einigkeit mehrheit minderheit gleichheit einheit freiheit klarheit sauberkeit
heiterkeit dunkelheit sicherheit gelegenheit schönheit krankheit gesundheit
""".split()

ES_FAMILIES = """
información formación confirmación programación animación estimación aproximación
proclamación reclamación transformación aclamación deformación conformación
atención intención función mención prevención convención invención retención detención
contención obtención abstención intervención
construcción instrucción destrucción producción reducción introducción traducción
conducción deducción
""".split()
ES_FAMILIES = [w for w in ES_FAMILIES if w.isalpha()]

MORE_WORDS = MORE_WORDS + EN_FAMILIES + DE_FAMILIES + ES_FAMILIES
for _w in DE_FAMILIES:
    if _w.endswith("ung") or _w.endswith(("keit", "heit")):
        MORE_WORDS.append(_w + "en")
for _w in ES_FAMILIES:
    if _w.endswith("ción"):
        MORE_WORDS.append(_w[:-4] + "ciones")

# A further batch of regular derivations (plural forms are added below).
DE_UNG2 = """
ablehnung abstimmung abweichung achtung änderung anerkennung anforderung anlieferung annahme
anpassung anregung ansammlung anschaffung ansiedlung anstrengung auffassung aufhebung aufklärung
auflistung aufrechnung aufstellung auftragung ausdehnung ausführung ausgleichung auslastung
ausrichtung ausrüstung ausschreibung aussprache ausstattung auswertung auszahlung beachtung
bearbeitung bedingung beförderung befragung begegnung begrenzung beherrschung beitreibung
bekämpfung belastung beobachtung bereitstellung berichtigung beschaffung beschäftigung
beschränkung beseitigung besprechung bestimmung betrachtung bewertung bezeichnung bindung
buchführung dämmerung darstellung deckung dehnung dichtung drehung düngung durchführung
durchsuchung eignung einbindung eingliederung einschränkung einteilung einwanderung
empfindung entdeckung enteignung entfaltung entlastung entlassung entsorgung entspannung
enttäuschung erbauung erfassung erfüllung ergänzung erhebung erhöhung erkennung erkundung
ermittlung ermäßigung erneuerung ernennung erprobung errichtung erschließung erstattung
erwärmung erweiterung fälschung färbung fertigung festlegung feststellung finanzierung
förderung forderung fügung führung gattung gebärdung gefährdung gewährung gliederung gründung
hemmung herstellung hinterlegung impfung kennung kleidung klärung kopplung krümmung kühlung
kürzung ladung lagerung lähmung lenkung lesung lieferung lockerung löschung mahnung messung
mischung mündung nachahmung neigung niederlassung normung öffnung ortung paarung pflanzung
prägung prüfung rahmung regelung reibung reifung reizung rettung rodung rüstung sättigung
säuberung schädigung schaltung scheidung schenkung schichtung schließung schonung schöpfung
schwankung senkung setzung sicherung sichtung siedlung spaltung speicherung sperrung spiegelung
sprengung spülung stärkung steigerung stellung stimmung strahlung strömung stundung tagung
tarnung täuschung teilung tilgung tönung trauung trennung trocknung übergabe überholung
übermittlung überprüfung überraschung überwachung überweisung überzeugung umleitung umrechnung
umschulung umstellung umwandlung unterbrechung unterbringung unterscheidung unterweisung
urteilung veränderung verarbeitung verbreitung verdichtung vereinigung verfolgung verführung
vergabe vergütung verhaftung verhütung verkleidung verknüpfung verlängerung vermessung
vermittlung vermutung verneinung vernetzung verordnung verpflegung verpflichtung verrechnung
versendung versöhnung verstärkung versteigerung verteidigung verteilung vertiefung vertretung
verwirklichung verzögerung vollziehung vorführung vorhersage vorladung vorsorge vorstellung
wahrung wandlung wärmung wechselung weiterleitung wendung werbung wertung widmung windung
wölbung zählung zerlegung zerstörung ziehung zündung zuordnung zusammenarbeit zustellung
zuteilung zuweisung
""".split()

ES_CION2 = """
absorción acción adaptación adición administración admiración adopción afirmación agitación
alteración ambición ampliación anotación aparición aportación aproximación asignación
autorización aviación captación clasificación coacción cocción colocación compensación
competición complicación composición comprensión comprobación concepción conclusión
confección confusión conservación consideración consolidación constitución consultación
contaminación continuación contradicción contratación contribución convicción cooperación
coordinación corrección cotización declaración dedicación definición degradación
demostración denominación depuración derivación descomposición desinfección destilación
detección determinación devolución dilatación dimisión disminución disposición diversión
documentación donación duración edición ejecución elaboración elevación emisión emoción
encuadernación erupción evacuación evaluación evaporación evolución excavación exhibición
expansión explicación exploración exportación expresión extensión extinción extracción
fabricación facturación federación fermentación filtración finalización fluctuación
fundación gestación graduación grabación imitación importación impresión inclinación
indicación infección inflación inspección instrucción integración interpretación
intervención introducción inundación investigación justificación legislación licitación
limitación liquidación manipulación medicación meditación migración moderación motivación
mutación narración negociación nominación numeración nutrición obligación ocupación
orientación oxidación participación percepción perfección petición planificación
ponderación posición predicción preocupación prescripción presión privación proclamación
producción prohibición proporción protección provocación publicación puntuación
radiación ratificación recaudación recreación redacción refrigeración regulación
rehabilitación renovación repetición representación reproducción resolución respiración
restauración restricción retribución revisión rotación salvación satisfacción sección
sensación separación simulación sugestión sujeción suspensión sustitución tentación
transacción transición transmisión ubicación urbanización utilización valoración variación
vegetación vibración visión votación
""".split()

IT_ZIONE2 = """
accettazione adattazione ambizione ammirazione animazione annotazione applicazione
approvazione assunzione attrazione autorizzazione aviazione circolazione classificazione
coltivazione competizione composizione comprensione concentrazione conclusione
condivisione confusione consegnazione conservazione considerazione consultazione
contraddizione contribuzione convenzione conversione convinzione cooperazione correzione
creazione decisione definizione dichiarazione dimostrazione direzione discussione
distinzione distrazione documentazione donazione durazione elezione emozione esecuzione
esplorazione esportazione espressione estensione evoluzione fondazione funzione generazione
gestione illustrazione immaginazione imitazione importazione impressione indicazione
infezione inflazione iniezione inserzione installazione integrazione intenzione
interpretazione interruzione introduzione invenzione irrigazione istituzione limitazione
liquidazione localizzazione manifestazione migrazione missione moderazione motivazione
narrazione negoziazione notazione nutrizione obiezione occupazione opinione orientazione
ossidazione partecipazione percezione perfezione petizione pianificazione precisione
prescrizione pressione previsione produzione promozione proporzione protezione provocazione
punizione reazione realizzazione redazione regolazione relazione religione ricezione
riduzione riflessione rivoluzione rotazione salvazione sanzione selezione sensazione
separazione situazione soddisfazione sospensione spedizione stazione sostituzione
tentazione trasformazione transizione trasmissione valutazione variazione vegetazione
vibrazione visione votazione
""".split()

EN_TION2 = """
abduction accommodation accreditation acquisition activation adaptation addition
administration admiration adoration affirmation aggregation agitation alienation allegation
alteration amputation annotation apportion arbitration articulation assimilation
attribution augmentation authentication auction cessation citation coagulation cognition
collaboration colonization commemoration compensation competition complication
comprehension computation concession conciliation condensation confrontation congregation
conjugation conscription consolidation constipation contamination continuation
contraception convocation coronation correlation cremation criminalization culmination
decoration deflation degradation dehydration deliberation denomination deportation
deprivation derivation designation desperation destination deterioration deviation
devastation differentiation dilation diminution disposition dissertation dissolution
domination dramatization elaboration elocution emancipation emigration encapsulation
enumeration equation escalation estimation evacuation exaggeration examination excavation
exclamation exemption exhalation expiration exploitation extradition fabrication
facilitation fermentation filtration fixation fluctuation formation fragmentation
gestation globalization hallucination humiliation hydration ignition immigration
incarnation incineration inclination incubation indentation indignation induction
infiltration inhalation initiation insulation interrogation intimidation intoxication
invalidation irritation jubilation lamentation levitation liberation litigation
lubrication malnutrition manipulation mediation medication mobilization
moderation modulation mortification navigation nomination normalization obstruction
occupation optimization orchestration oscillation oxidation pagination perforation
perpetuation personification plantation polarization precipitation predestination
presumption privatization procrastination proclamation prohibition proliferation
propagation prosecution provocation punctuation purification quotation radiation
ratification recitation reclamation reconciliation refrigeration regeneration
registration rehabilitation reincarnation rejuvenation remuneration renunciation
repetition replication reproduction resignation resuscitation retaliation revocation
salutation sanitation saturation segregation simplification solicitation stabilization
stagnation sterilization stipulation standardization substantiation summation
supplication taxation temptation toleration transcription transplantation
trepidation triangulation urbanization utilization vaccination valuation ventilation
verification vindication visitation vocalization
""".split()
EN_TION2 = [w for w in EN_TION2 if w.isalpha()]

MORE_WORDS = MORE_WORDS + DE_UNG2 + ES_CION2 + IT_ZIONE2 + EN_TION2
for _w in DE_UNG2:
    if _w.endswith("ung"):
        MORE_WORDS.append(_w + "en")
for _w in ES_CION2:
    if _w.endswith("ción"):
        MORE_WORDS.append(_w[:-4] + "ciones")
    elif _w.endswith("sión"):
        MORE_WORDS.append(_w[:-4] + "siones")
for _w in IT_ZIONE2:
    if _w.endswith("ione"):
        MORE_WORDS.append(_w[:-1] + "i")
for _w in EN_TION2:
    MORE_WORDS.append(_w + "s")
