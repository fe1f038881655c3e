"""Non-English vocabulary and innocent query templates (hand written).

LANGS[code] = {
    "templates": [...],      # "{p}" product, "{f}" food, "{s}" symptom, "{c}"/"{c2}" city,
                             # "{shop}" shop, "{y}" year, "{n}" small number, "{w}" word
    "slots": {...},
    "words": [...],          # extra everyday words (hosts for `containing`, real-word filter)
}
"""

YEARS = ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]

LANGS = {}

LANGS["de"] = {
    "templates": [
        "{p} kaufen", "{p} günstig kaufen", "{p} test {y}", "{p} in der nähe", "wo finde ich {p}",
        "{p} vergleich", "{p} gebraucht", "rezept für {f}", "{f} rezept einfach", "{f} selber machen",
        "wetter in {c}", "wetter {c} morgen", "zug von {c} nach {c2}", "hotel in {c} günstig",
        "was hilft gegen {s}", "{s} was tun", "{s} hausmittel", "öffnungszeiten {shop} {c}",
        "wie spät ist es in {c}", "flug nach {c}", "{n} euro in dollar", "wie lange kocht man {f}",
        "{p} reparieren lassen {c}", "{s} beim arzt", "sehenswürdigkeiten {c}", "{w} bedeutung",
    ],
    "slots": {
        "p": ["fahrrad", "waschmaschine", "kühlschrank", "winterjacke", "laufschuhe", "kaffeemaschine",
              "staubsauger", "rucksack", "handyhülle", "schreibtisch", "bürostuhl", "regenschirm",
              "zahnbürste", "kopfhörer", "fernseher", "matratze", "gartenschlauch", "bohrmaschine",
              "wanderschuhe", "stehlampe", "teppich", "kinderwagen", "spülmaschine", "toaster", "wasserkocher"],
        "f": ["kartoffelsalat", "apfelkuchen", "linsensuppe", "rinderbraten", "spätzle", "pfannkuchen",
              "gulasch", "käsekuchen", "bratkartoffeln", "erbsensuppe", "brot", "pizza", "lasagne",
              "schnitzel", "rotkohl", "semmelknödel", "zwiebelkuchen", "eintopf"],
        "s": ["kopfschmerzen", "husten", "halsschmerzen", "rückenschmerzen", "schnupfen", "fieber",
              "sodbrennen", "schlafstörungen", "bauchschmerzen", "heuschnupfen", "zahnschmerzen",
              "sonnenbrand", "muskelkater", "übelkeit"],
        "c": ["berlin", "münchen", "hamburg", "köln", "wien", "zürich", "frankfurt", "leipzig",
              "dresden", "stuttgart", "bremen", "hannover", "graz", "basel", "salzburg", "nürnberg"],
        "shop": ["apotheke", "post", "bäckerei", "baumarkt", "rewe", "aldi", "bibliothek", "bürgeramt"],
        "w": ["fernweh", "gemütlichkeit", "feierabend", "schadenfreude", "zeitgeist", "wanderlust",
              "kindergarten", "ohrwurm", "fingerspitzengefühl", "torschlusspanik"],
    },
    "words": """
    abend abfahrt angebot ankunft anmeldung antwort apfel arbeit arbeitsplatz aufgabe ausbildung
    ausflug ausgang ausstellung auto autobahn bahnhof badezimmer baum baustelle bedienung beispiel
    bergwerk beruf bestellung besuch bett bewerbung bild bildschirm birne blume boden brief briefkasten
    brille brücke buch bücherei bürgersteig dach datei decke dorf drucker eingang einkauf eisenbahn
    eltern empfang entscheidung erdbeere erfahrung ergebnis erinnerung fahrkarte fahrplan familie
    farbe fenster ferien fernbedienung feuerwehr flughafen flugzeug flasche fluss frage freund
    freundschaft frühling frühstück garten gebäude geburtstag gemüse gericht geschenk geschichte
    gesellschaft gesundheit getränk gewitter glas glück grenze handschuh handtuch hauptbahnhof
    haushalt hausaufgabe heizung himmel hochzeit holz hose hund insel jacke jahreszeit kalender
    kamera karte kartoffel käse kasse katze kirche kissen kleidung klima knoblauch koffer kopfkissen
    krankenhaus krankenversicherung kreuzung küche kuchen kugelschreiber kunst landkarte landschaft
    lebensmittel lehrer leitung licht lieferung löffel luft mannschaft mantel markt mauer meinung
    messer milch mittagessen mond morgen mülleimer nachbar nachricht nachmittag nudeln obst ordnung
    papier parkplatz pflanze pilz polizei postleitzahl preis prüfung quittung rathaus rechnung regen
    reise reisepass richtung rucksack sammlung schlüssel schnee schrank schreibtisch schuhe schule
    schwimmbad see sessel sonne sonnenblume spiegel spielplatz sprache stadt steckdose stern strand
    straße straßenbahn stuhl tasche tasse teller termin tisch treppe tür uhr umwelt unterricht
    urlaub verbindung verkehr versicherung verwandte vogel vorhang wald wand wasser wecker weg
    weihnachten werkstatt wetter wetterbericht wettervorhersage wochenende wohnung wolke zahnarzt
    zeitung zimmer zucker zug zukunft zwiebel handwerker wasserfall kreisverkehr sonnenschirm
    regenbogen schneemann feuerzeug hausschuhe fahrradweg staubsauger erdkunde kindergarten
    spielzeug tankstelle haltestelle fußgängerzone gartenzaun apfelsaft orangensaft mineralwasser
    """.split(),
}

LANGS["fr"] = {
    "templates": [
        "{p} pas cher", "acheter {p} en ligne", "meilleur {p} {y}", "recette {f} facile", "{f} au four",
        "météo {c} demain", "train {c} {c2}", "hôtel pas cher à {c}", "que faire à {c}",
        "remède contre {s}", "{s} que faire", "horaires {shop} {c}", "comment faire {f}",
        "prix {p} occasion", "traduire {w} en anglais", "{p} avis", "livraison {p} gratuite",
        "{s} chez l'adulte", "visiter {c} en 2 jours", "{f} sans gluten", "définition {w}",
    ],
    "slots": {
        "p": ["vélo", "lave-linge", "réfrigérateur", "aspirateur", "sac à dos", "chaussures de course",
              "machine à café", "parapluie", "casque audio", "bureau", "chaise de bureau", "matelas",
              "téléviseur", "lampe de chevet", "poussette", "tapis", "perceuse", "bouilloire", "grille-pain"],
        "f": ["crêpes", "quiche lorraine", "ratatouille", "boeuf bourguignon", "soupe à l'oignon",
              "gratin dauphinois", "tarte aux pommes", "croque monsieur", "mousse au chocolat",
              "blanquette de veau", "pot-au-feu", "clafoutis", "madeleines", "cassoulet"],
        "s": ["mal de tête", "mal de gorge", "toux", "fièvre", "mal de dos", "rhume", "insomnie",
              "brûlures d'estomac", "allergie", "mal de dents", "coup de soleil", "nausée"],
        "c": ["paris", "lyon", "marseille", "bordeaux", "lille", "nantes", "toulouse", "nice",
              "strasbourg", "montpellier", "bruxelles", "genève", "montréal", "québec", "rennes"],
        "shop": ["pharmacie", "poste", "boulangerie", "mairie", "bibliothèque", "piscine", "carrefour"],
        "w": ["dépaysement", "flâner", "chantier", "bouquiner", "retrouvailles", "dépanneur", "goûter"],
    },
    "words": """
    abeille accueil achat addition aéroport affiche agenda ambassade ami amitié ampoule anniversaire
    appartement apprentissage arbre argent armoire arrivée ascenseur assiette atelier autobus
    automne avion bagage baignoire balcon banque bateau bâtiment bibliothèque bicyclette bijou
    billet blanchisserie boisson boîte bouchon boulangerie bouteille boutique brouillard bureau
    cadeau cahier caisse campagne canapé carrefour cartable casserole ceinture cerise chambre
    champignon chanson chapeau charcuterie chaussette chaussure chemin cheminée chemise chocolat
    ciseaux citron classeur clavier commande commencement concombre confiture connaissance
    couverture cravate crayon cuillère cuisine cuisinière déjeuner dentiste départ dessert dictionnaire
    dimanche directeur douche écharpe école écouteurs écran écureuil édition électricité enfance
    ensemble entreprise entrée enveloppe épicerie équipe escalier étagère été étudiant fauteuil
    fenêtre fermeture feuille fontaine forêt fourchette fraise fromage gâteau gare gendarmerie
    glace goûter grenouille guichet habitant haricot hiver hôpital horloge hôtel immeuble imprimante
    informatique jardin jardinage journal journée lampadaire légume librairie lunettes magasin
    maillot maison manteau marché matelas médecin médicament ménage mercredi montagne montre moutarde
    mouchoir musée naissance neige nettoyage nourriture nuage océan oiseau ordinateur oreiller
    pamplemousse pantalon papillon parapluie parking passeport pâtisserie paysage peinture
    pharmacie photographie pièce piscine placard plage plancher pomme portefeuille poubelle poulet
    printemps promenade quartier raisin randonnée recette renseignement repas réveil rideau rivière
    robinet rue saison salade salle sandwich santé saucisse savon semaine serviette soleil sortie
    soupe stylo sucre supermarché tableau tasse téléphone tempête terrain tiroir toit tournesol
    train travail trottoir valise vendredi verre vêtement viande village ville voiture voyage
    week-end arrondissement bouleversement renseignements éclaircissement emménagement
    """.split(),
}

LANGS["es"] = {
    "templates": [
        "{p} barato", "comprar {p} online", "mejor {p} {y}", "receta de {f}", "{f} fácil",
        "tiempo en {c} mañana", "vuelos baratos a {c}", "hotel en {c}", "qué hacer en {c}",
        "remedios para {s}", "{s} síntomas", "horario {shop} {c}", "cómo hacer {f}",
        "precio {p} segunda mano", "traducir {w} al inglés", "{p} opiniones", "{s} en adultos",
        "{f} sin horno", "autobús de {c} a {c2}", "significado de {w}",
    ],
    "slots": {
        "p": ["bicicleta", "lavadora", "nevera", "aspiradora", "mochila", "zapatillas de correr",
              "cafetera", "paraguas", "auriculares", "escritorio", "silla de oficina", "colchón",
              "televisor", "lámpara", "alfombra", "taladro", "cochecito", "tostadora", "microondas"],
        "f": ["paella", "tortilla de patatas", "gazpacho", "churros", "croquetas", "lentejas",
              "arroz con leche", "empanadas", "fabada", "flan casero", "pollo al horno", "salmorejo",
              "albóndigas", "torrijas"],
        "s": ["dolor de cabeza", "dolor de garganta", "tos", "fiebre", "dolor de espalda", "resfriado",
              "insomnio", "acidez", "alergia", "dolor de muelas", "quemadura solar", "mareo"],
        "c": ["madrid", "barcelona", "sevilla", "valencia", "bilbao", "málaga", "granada", "zaragoza",
              "méxico", "buenos aires", "bogotá", "lima", "santiago", "quito", "montevideo"],
        "shop": ["farmacia", "correos", "mercadona", "biblioteca", "ayuntamiento", "panadería"],
        "w": ["sobremesa", "madrugada", "estrenar", "friolero", "consuegro", "merendar", "anteayer"],
    },
    "words": """
    abrigo aceite aeropuerto agua ahorro alfombra almohada almuerzo alumno amistad anillo
    apartamento árbol arena armario arroz ascensor aventura avión ayuntamiento azúcar bañera baño
    barco barrio basura biblioteca bicicleta billete bolígrafo bolsa bombero bosque botella
    buzón caballo cabeza café caja calcetín calefacción calle cama camarero camino camisa campana
    campo canción cansancio carretera carta casa castillo cebolla cena cepillo cereza cerveza
    chaqueta chocolate cielo ciudad coche cocina colegio comedor comida compañero compra computadora
    conocimiento corazón cordero corbata cuaderno cuadro cuchara cuchillo cumpleaños cuenta
    deporte desayuno despertador dinero domingo ducha edificio ejercicio empresa enfermera
    entrada equipaje escalera escritorio escuela espejo estación estantería estrella estudiante
    fábrica farmacia fiesta flor fresa frigorífico fruta fuente galleta garaje gato gimnasio
    habitación helado herramienta hermano hielo hijo hoja hospital huevo iglesia impresora invierno
    isla jabón jardín jardinería juguete lámpara lápiz leche lechuga librería libro limón llave
    lluvia luna madera maleta manzana mañana mapa mariposa mercado mermelada mesa mochila montaña
    naranja nevera noche nube ordenador otoño paisaje pájaro palabra pan pantalla pantalón paraguas
    parque pasaporte pastel patata película pelota periódico perro pescado piscina plátano playa
    plaza pollo primavera pueblo puerta queso regalo reloj restaurante río ropa sábana salud
    semana servilleta silla sobre sol sombrero supermercado tarde taza teclado teléfono televisión
    tenedor tienda tierra tijeras toalla tomate trabajo tren universidad vaso ventana verano
    verdura vestido viaje vino zapato zanahoria agradecimiento entretenimiento estacionamiento
    """.split(),
}

LANGS["it"] = {
    "templates": [
        "{p} economico", "comprare {p} online", "miglior {p} {y}", "ricetta {f}", "{f} facile",
        "meteo {c} domani", "treno {c} {c2}", "albergo a {c}", "cosa vedere a {c}", "rimedi per {s}",
        "orari {shop} {c}", "come fare {f}", "{p} recensioni", "{s} sintomi", "{f} senza glutine",
        "traduzione {w} inglese",
    ],
    "slots": {
        "p": ["bicicletta", "lavatrice", "frigorifero", "aspirapolvere", "zaino", "scarpe da corsa",
              "macchina del caffè", "ombrello", "cuffie", "scrivania", "sedia da ufficio", "materasso",
              "televisore", "lampada", "tappeto", "trapano", "passeggino", "tostapane"],
        "f": ["lasagne", "risotto ai funghi", "tiramisù", "carbonara", "pesto genovese",
              "melanzane alla parmigiana", "minestrone", "gnocchi", "focaccia", "panna cotta",
              "ossobuco", "cannoli", "arancini"],
        "s": ["mal di testa", "mal di gola", "tosse", "febbre", "mal di schiena", "raffreddore",
              "insonnia", "bruciore di stomaco", "allergia", "mal di denti", "nausea"],
        "c": ["roma", "milano", "napoli", "torino", "firenze", "venezia", "bologna", "genova",
              "palermo", "verona", "bari", "trieste", "pisa", "siena"],
        "shop": ["farmacia", "posta", "panificio", "biblioteca", "comune", "esselunga"],
        "w": ["abbiocco", "gattara", "meriggiare", "spaghettata", "struggimento", "menefreghista"],
    },
    "words": """
    acqua albero albergo amicizia anello appartamento armadio ascensore autobus autunno bagno
    bambola barca bicchiere biglietto borsa bosco bottiglia caffè calendario calzini camera camicia
    campagna candela cane cappello cartolina casa cassetto castello cavallo cena chiave chiesa
    cielo cioccolato città coltello compleanno computer conoscenza coperta cucchiaio cucina cuscino
    dentista divano domenica edificio estate fabbrica farmacia fattoria festa finestra fiore fiume
    forchetta formaggio fragola frigorifero frutta gatto gelato giardino giornale giorno gonna
    guanti inverno isola lampada latte lavagna lavoro letto libreria libro limone luna macchina
    maglione mare matita mela mercato montagna negozio neve notte nuvola ombrello ospedale pane
    panino pantaloni parcheggio passaporto pasticceria patata pavimento penna pesce pianoforte
    pioggia piscina pomodoro ponte porta pranzo primavera quaderno ragazzo regalo ristorante
    scarpe scrivania scuola sedia settimana sole specchio spiaggia stazione strada tavolo tazza
    telefono teatro tempo treno ufficio uovo uccello valigia vestito viaggio vino zaino zucchero
    apparecchio asciugamano biblioteca campanile cartoleria elettricità falegnameria
    """.split(),
}

LANGS["pt"] = {
    "templates": [
        "{p} barato", "comprar {p} online", "melhor {p} {y}", "receita de {f}", "previsão do tempo {c}",
        "passagem para {c}", "hotel em {c}", "o que fazer em {c}", "remédio para {s}",
        "horário {shop} {c}", "como fazer {f}", "{p} usado", "{s} sintomas", "ônibus {c} {c2}",
    ],
    "slots": {
        "p": ["bicicleta", "máquina de lavar", "geladeira", "aspirador", "mochila", "tênis de corrida",
              "cafeteira", "guarda-chuva", "fones de ouvido", "escrivaninha", "cadeira de escritório",
              "colchão", "televisão", "luminária", "tapete", "furadeira", "liquidificador"],
        "f": ["feijoada", "pão de queijo", "brigadeiro", "moqueca", "bacalhau", "coxinha",
              "pastel de nata", "arroz doce", "caldo verde", "farofa", "bolo de cenoura"],
        "s": ["dor de cabeça", "dor de garganta", "tosse", "febre", "dor nas costas", "gripe",
              "insônia", "azia", "alergia", "dor de dente", "enjoo"],
        "c": ["lisboa", "porto", "são paulo", "rio de janeiro", "salvador", "brasília", "curitiba",
              "recife", "fortaleza", "coimbra", "belo horizonte", "florianópolis"],
        "shop": ["farmácia", "correios", "padaria", "biblioteca", "supermercado"],
    },
    "words": """
    abacaxi almoço amizade apartamento árvore banheiro barco biblioteca bicicleta bolsa cadeira
    cachorro café caminhão camisa caneta carro casa castelo cebola chave chocolate chuva cidade
    cobertor colher computador cozinha escola escova espelho estação estrada fazenda feriado
    floresta fogão garfo garrafa gato geladeira hospital igreja inverno janela jardim jornal
    laranja leite livraria livro loja manteiga mercado mesa montanha morango mochila navio noite
    ônibus padaria pão passaporte peixe pijama piscina praia prato primavera queijo relógio
    restaurante sapato semana sorvete telefone tesoura toalha trabalho travesseiro verão viagem
    conhecimento desenvolvimento acontecimento estacionamento
    """.split(),
}

LANGS["nl"] = {
    "templates": [
        "{p} kopen", "goedkope {p}", "beste {p} {y}", "recept {f}", "weer {c} morgen",
        "trein {c} {c2}", "hotel in {c}", "wat te doen in {c}", "wat helpt tegen {s}",
        "openingstijden {shop} {c}", "hoe maak je {f}", "{p} tweedehands", "{s} symptomen",
    ],
    "slots": {
        "p": ["fiets", "wasmachine", "koelkast", "stofzuiger", "rugzak", "hardloopschoenen",
              "koffiezetapparaat", "paraplu", "koptelefoon", "bureau", "bureaustoel", "matras",
              "televisie", "lamp", "tapijt", "boormachine", "kinderwagen", "waterkoker"],
        "f": ["stamppot", "erwtensoep", "pannenkoeken", "appeltaart", "poffertjes", "bitterballen",
              "hutspot", "oliebollen", "stroopwafels", "kaassoufflé"],
        "s": ["hoofdpijn", "keelpijn", "hoest", "koorts", "rugpijn", "verkoudheid", "slapeloosheid",
              "maagzuur", "hooikoorts", "kiespijn", "misselijkheid"],
        "c": ["amsterdam", "rotterdam", "utrecht", "den haag", "eindhoven", "groningen", "antwerpen",
              "gent", "brugge", "leiden", "maastricht", "delft"],
        "shop": ["apotheek", "albert heijn", "bibliotheek", "gemeente", "bakker", "postkantoor"],
    },
    "words": """
    afspraak appel arbeid auto bakker bank bed bibliotheek bloem boek boerderij boom boterham
    brief bril brood bureau fiets gebouw geld gemeente gezondheid glas groente haven hond huis
    jas kaas kamer kantoor kast keuken kerk kind klok koffie koelkast kussen lamp land lepel
    maandag markt melk mes muis muziek ochtend ontbijt paard paraplu park regen reis rivier
    schilderij school schoen sleutel spiegel stad station stoel strand straat suiker tafel tand
    tandarts telefoon tuin vakantie vogel vork vriend vrijdag water weekend wereld winkel winter
    woning zomer ziekenhuis zwembad verjaardag boodschappen vriendschap ondernemer
    """.split(),
}

LANGS["pl"] = {
    "templates": [
        "{p} tanio", "kupić {p}", "ranking {p} {y}", "przepis na {f}", "pogoda {c} jutro",
        "pociąg {c} {c2}", "hotel {c}", "{c} atrakcje", "sposób na {s}", "{s} objawy",
        "godziny otwarcia {shop} {c}", "jak zrobić {f}", "{p} opinie", "{p} używany",
    ],
    "slots": {
        "p": ["rower", "pralka", "lodówka", "odkurzacz", "plecak", "buty do biegania",
              "ekspres do kawy", "parasol", "słuchawki", "biurko", "krzesło biurowe", "materac",
              "telewizor", "lampa", "dywan", "wiertarka", "wózek dziecięcy", "czajnik"],
        "f": ["pierogi", "bigos", "żurek", "gołąbki", "placki ziemniaczane", "sernik", "barszcz",
              "kotlet schabowy", "rosół", "szarlotka", "naleśniki"],
        "s": ["ból głowy", "ból gardła", "kaszel", "gorączka", "ból pleców", "katar", "bezsenność",
              "zgaga", "alergia", "ból zęba", "nudności"],
        "c": ["warszawa", "kraków", "gdańsk", "wrocław", "poznań", "łódź", "lublin", "katowice",
              "szczecin", "toruń", "zakopane"],
        "shop": ["apteka", "poczta", "biedronka", "biblioteka", "urząd miasta", "piekarnia"],
    },
    "words": """
    apteka autobus babcia biblioteka biurko chleb ciasto cukier dom drzewo drzwi dworzec gazeta
    herbata jabłko jezioro kawa klucz kościół krzesło książka kuchnia las lekarz lodówka łóżko
    mieszkanie miasto mleko morze ogród okno ołówek pies plaża pociąg pokój praca samochód ser
    sklep słońce stół szkoła szpital śniadanie telefon ulica woda wakacje zegar zima
    """.split(),
}

LANGS["sv"] = {
    "templates": [
        "köpa {p}", "billig {p}", "bästa {p} {y}", "recept {f}", "väder {c} imorgon", "tåg {c} {c2}",
        "hotell i {c}", "vad göra i {c}", "vad hjälper mot {s}", "öppettider {shop} {c}",
        "hur gör man {f}", "{p} begagnad", "{s} symtom",
    ],
    "slots": {
        "p": ["cykel", "tvättmaskin", "kylskåp", "dammsugare", "ryggsäck", "löparskor",
              "kaffebryggare", "paraply", "hörlurar", "skrivbord", "kontorsstol", "madrass", "tv",
              "lampa", "matta", "borrmaskin", "barnvagn", "vattenkokare"],
        "f": ["köttbullar", "kanelbullar", "pannkakor", "ärtsoppa", "laxpudding", "räksmörgås",
              "semlor", "knäckebröd", "janssons frestelse", "kladdkaka"],
        "s": ["huvudvärk", "halsont", "hosta", "feber", "ryggont", "förkylning", "sömnlöshet",
              "halsbränna", "pollenallergi", "tandvärk"],
        "c": ["stockholm", "göteborg", "malmö", "uppsala", "lund", "umeå", "oslo", "köpenhamn",
              "helsingfors", "visby"],
        "shop": ["apotek", "ica", "systembolaget", "bibliotek", "posten"],
    },
    "words": """
    bil bok bord brev bröd cykel dator fönster frukost glass hund hus kaffe katt kök mjölk
    morgon ost resa semester sjukhus skola sko smör stad stol strand tåg tidning vatten vinter
    sommar trädgård lägenhet affär
    """.split(),
}

LANGS["tr"] = {
    "templates": [
        "{p} fiyatları", "ucuz {p}", "en iyi {p} {y}", "{f} tarifi", "{c} hava durumu",
        "{c} otelleri", "{c} gezilecek yerler", "{s} için ne iyi gelir", "{s} belirtileri",
        "{f} nasıl yapılır", "{c} {c2} otobüs bileti", "ikinci el {p}",
    ],
    "slots": {
        "p": ["bisiklet", "çamaşır makinesi", "buzdolabı", "elektrikli süpürge", "sırt çantası",
              "koşu ayakkabısı", "kahve makinesi", "şemsiye", "kulaklık", "çalışma masası",
              "ofis koltuğu", "yatak", "televizyon", "masa lambası", "halı", "matkap", "bebek arabası"],
        "f": ["mercimek çorbası", "karnıyarık", "menemen", "baklava", "mantı", "lahmacun", "künefe",
              "sütlaç", "kuru fasulye", "dolma", "simit"],
        "s": ["baş ağrısı", "boğaz ağrısı", "öksürük", "ateş", "sırt ağrısı", "soğuk algınlığı",
              "uykusuzluk", "mide yanması", "alerji", "diş ağrısı"],
        "c": ["istanbul", "ankara", "izmir", "antalya", "bursa", "trabzon", "eskişehir", "konya",
              "bodrum", "kapadokya"],
    },
    "words": """
    araba ayakkabı bahçe balık bardak bilgisayar çanta çay çiçek defter deniz ekmek elma ev
    gazete göl gözlük hastane kahvaltı kalem kapı kedi kitap köpek masa okul otobüs pencere
    peynir saat sandalye su şehir tatil telefon yatak yemek
    """.split(),
}

LANGS["ru"] = {
    "templates": [
        "купить {p}", "{p} недорого", "{p} отзывы", "{f} рецепт", "погода {c} завтра",
        "поезд {c} {c2}", "отель {c}", "что посмотреть {c}", "{s} лечение", "{s} что делать",
        "как приготовить {f}", "часы работы {shop} {c}", "{p} б/у", "доставка {p}",
    ],
    "slots": {
        "p": ["велосипед", "стиральная машина", "холодильник", "пылесос", "рюкзак", "кроссовки",
              "кофеварка", "зонт", "наушники", "письменный стол", "офисное кресло", "матрас",
              "телевизор", "настольная лампа", "ковер", "дрель", "детская коляска", "чайник"],
        "f": ["борщ", "пельмени", "блины", "оливье", "сырники", "голубцы", "щи", "окрошка", "плов",
              "солянка", "вареники", "шарлотка"],
        "s": ["головная боль", "боль в горле", "кашель", "температура", "боль в спине", "насморк",
              "бессонница", "изжога", "аллергия", "зубная боль", "тошнота"],
        "c": ["москва", "санкт-петербург", "казань", "новосибирск", "екатеринбург", "сочи",
              "калининград", "владивосток", "минск", "алматы", "самара"],
        "shop": ["аптека", "почта", "сбербанк", "библиотека", "пятерочка"],
    },
    "words": """
    автобус аптека банк библиотека больница вода вокзал город дверь дерево дом дорога друг
    еда завтрак зима игрушка картина квартира книга компьютер корова кошка кресло кровать
    кухня лампа лес лето магазин машина мебель молоко море мост небо неделя носки обед одежда
    окно осень отпуск очки паспорт письмо погода подарок поезд полотенце праздник работа река
    ресторан рубашка сад сахар семья собака солнце стол стул сыр телефон улица утро хлеб школа
    яблоко ящик
    """.split(),
}

LANGS["uk"] = {
    "templates": [
        "купити {p}", "{p} ціна", "{p} відгуки", "{f} рецепт", "погода {c} завтра",
        "потяг {c} {c2}", "готель {c}", "що подивитися {c}", "{s} лікування", "як приготувати {f}",
    ],
    "slots": {
        "p": ["велосипед", "пральна машина", "холодильник", "пилосос", "рюкзак", "кросівки",
              "кавоварка", "парасолька", "навушники", "письмовий стіл", "крісло", "матрац",
              "телевізор", "лампа", "килим", "дриль", "чайник"],
        "f": ["борщ", "вареники", "голубці", "деруни", "сирники", "налисники", "юшка", "пампушки",
              "узвар", "галушки"],
        "s": ["головний біль", "біль у горлі", "кашель", "температура", "біль у спині", "нежить",
              "безсоння", "печія", "алергія", "зубний біль"],
        "c": ["київ", "львів", "одеса", "харків", "дніпро", "вінниця", "запоріжжя", "чернівці",
              "полтава", "ужгород"],
    },
    "words": """
    автобус вікно вода вулиця гроші дерево дім друг їжа зима кава квартира книга кухня ліжко
    літо магазин машина місто молоко море небо осінь пошта робота річка сад сніданок стіл
    телефон хліб школа яблуко
    """.split(),
}

LANGS["el"] = {
    "templates": [
        "{p} τιμή", "αγορά {p}", "{p} φθηνά", "συνταγή για {f}", "καιρός {c} αύριο",
        "ξενοδοχείο {c}", "{c} αξιοθέατα", "πλοίο {c} {c2}", "{s} θεραπεία", "πώς να φτιάξω {f}",
        "{p} κριτικές",
    ],
    "slots": {
        "p": ["ποδήλατο", "πλυντήριο", "ψυγείο", "ηλεκτρική σκούπα", "σακίδιο", "αθλητικά παπούτσια",
              "καφετιέρα", "ομπρέλα", "ακουστικά", "γραφείο", "καρέκλα γραφείου", "στρώμα",
              "τηλεόραση", "φωτιστικό", "χαλί", "δράπανο"],
        "f": ["μουσακάς", "παστίτσιο", "σουβλάκι", "τζατζίκι", "σπανακόπιτα", "γεμιστά",
              "φασολάδα", "λουκουμάδες", "γαλακτομπούρεκο", "κεφτεδάκια"],
        "s": ["πονοκέφαλος", "πονόλαιμος", "βήχας", "πυρετός", "πόνος στη μέση", "κρυολόγημα",
              "αϋπνία", "καούρα", "αλλεργία", "πονόδοντος"],
        "c": ["αθήνα", "θεσσαλονίκη", "πάτρα", "ηράκλειο", "ρόδος", "κέρκυρα", "σαντορίνη", "νάξος",
              "χανιά", "βόλος"],
    },
    "words": """
    αυτοκίνητο βιβλίο δρόμος θάλασσα καφές κουζίνα λεωφορείο μουσείο νερό παράθυρο πόλη
    σπίτι σχολείο τραπέζι ψωμί
    """.split(),
}

LANGS["ar"] = {
    "templates": [
        "سعر {p}", "شراء {p} اون لاين", "أفضل {p}", "طريقة عمل {f}", "الطقس في {c}",
        "فنادق في {c}", "رحلات إلى {c}", "علاج {s}", "أعراض {s}", "أماكن سياحية في {c}",
        "{p} مستعمل",
    ],
    "slots": {
        "p": ["دراجة", "غسالة", "ثلاجة", "مكنسة كهربائية", "حقيبة ظهر", "حذاء رياضي", "ماكينة قهوة",
              "مظلة", "سماعات", "مكتب", "كرسي مكتب", "مرتبة", "تلفزيون", "مصباح", "سجادة", "مثقاب"],
        "f": ["كبسة", "مقلوبة", "فلافل", "حمص", "تبولة", "شاورما", "كنافة", "ملوخية", "منسف", "بسبوسة"],
        "s": ["الصداع", "التهاب الحلق", "السعال", "الحمى", "آلام الظهر", "الزكام", "الأرق",
              "حرقة المعدة", "الحساسية", "ألم الأسنان"],
        "c": ["القاهرة", "دبي", "الرياض", "عمان", "بيروت", "الدوحة", "الكويت", "مراكش", "تونس", "جدة"],
    },
    "words": """
    بيت كتاب مدرسة سيارة شارع مدينة ماء قهوة شاي خبز طاولة نافذة باب مطبخ مستشفى سوق
    """.split(),
}

LANGS["he"] = {
    "templates": [
        "{p} מחיר", "לקנות {p}", "{p} זול", "מתכון {f}", "מזג אוויר {c}", "מלון ב{c}",
        "טיסות ל{c}", "{s} טיפול", "מה לעשות ב{c}",
    ],
    "slots": {
        "p": ["אופניים", "מכונת כביסה", "מקרר", "שואב אבק", "תרמיל", "נעלי ריצה", "מכונת קפה",
              "מטרייה", "אוזניות", "שולחן כתיבה", "כיסא משרדי", "מזרן", "טלוויזיה", "מנורה", "שטיח"],
        "f": ["שקשוקה", "פלאפל", "חומוס", "סלט ירקות", "מלוואח", "ג'חנון", "עוגת שוקולד", "חלה",
              "בורקס", "מרק עוף"],
        "s": ["כאב ראש", "כאב גרון", "שיעול", "חום", "כאב גב", "נזלת", "נדודי שינה", "צרבת",
              "אלרגיה", "כאב שיניים"],
        "c": ["תל אביב", "ירושלים", "חיפה", "אילת", "באר שבע", "נתניה", "רומא", "פריז", "לונדון", "ברלין"],
    },
    "words": [],
}

LANGS["hi"] = {
    "templates": [
        "{p} की कीमत", "{p} ऑनलाइन खरीदें", "सबसे अच्छा {p}", "{f} बनाने की विधि", "{c} का मौसम",
        "{c} में होटल", "{c} घूमने की जगह", "{s} का इलाज", "{s} के लक्षण", "{c} से {c2} ट्रेन",
    ],
    "slots": {
        "p": ["साइकिल", "वॉशिंग मशीन", "फ्रिज", "वैक्यूम क्लीनर", "बैग", "जूते", "कॉफी मशीन", "छाता",
              "हेडफोन", "मेज़", "कुर्सी", "गद्दा", "टीवी", "लैंप", "कालीन"],
        "f": ["पनीर टिक्का", "दाल मखनी", "बिरयानी", "आलू पराठा", "छोले भटूरे", "गुलाब जामुन", "खीर",
              "पोहा", "इडली", "समोसा"],
        "s": ["सिरदर्द", "गले में खराश", "खांसी", "बुखार", "कमर दर्द", "जुकाम", "अनिद्रा", "एसिडिटी",
              "एलर्जी", "दांत दर्द"],
        "c": ["दिल्ली", "मुंबई", "जयपुर", "आगरा", "गोवा", "वाराणसी", "कोलकाता", "चेन्नई", "बेंगलुरु",
              "हैदराबाद"],
    },
    "words": [],
}

LANGS["zh"] = {
    "templates": [
        "{p}价格", "{p}哪个牌子好", "便宜的{p}", "{f}的做法", "{c}天气", "{c}酒店推荐", "{c}旅游攻略",
        "{s}怎么办", "{s}吃什么药", "{c}到{c2}高铁", "{p} 评测", "{f} 家常做法",
    ],
    "slots": {
        "p": ["自行车", "洗衣机", "冰箱", "吸尘器", "双肩包", "跑步鞋", "咖啡机", "雨伞", "耳机", "书桌",
              "办公椅", "床垫", "电视", "台灯", "地毯", "电钻", "婴儿车", "电水壶"],
        "f": ["红烧肉", "宫保鸡丁", "麻婆豆腐", "饺子", "番茄炒蛋", "糖醋排骨", "鱼香肉丝", "酸辣汤",
              "蛋炒饭", "小笼包"],
        "s": ["头疼", "嗓子疼", "咳嗽", "发烧", "腰疼", "感冒", "失眠", "胃酸", "过敏", "牙疼"],
        "c": ["北京", "上海", "广州", "深圳", "成都", "杭州", "西安", "重庆", "南京", "武汉", "厦门",
              "台北", "香港"],
    },
    "words": [],
}

LANGS["ja"] = {
    "templates": [
        "{p} おすすめ", "{p} 安い", "{p} 口コミ", "{f} レシピ", "{f}の作り方", "{c} 天気", "{c} ホテル",
        "{c} 観光", "{s} 治し方", "{s} 薬", "{c}から{c2} 新幹線", "{p} 比較 {y}",
    ],
    "slots": {
        "p": ["自転車", "洗濯機", "冷蔵庫", "掃除機", "リュック", "ランニングシューズ", "コーヒーメーカー",
              "傘", "イヤホン", "机", "オフィスチェア", "マットレス", "テレビ", "ライト", "ラグ",
              "電動ドリル", "ベビーカー", "電気ケトル"],
        "f": ["カレーライス", "肉じゃが", "親子丼", "唐揚げ", "お好み焼き", "味噌汁", "天ぷら", "ハンバーグ",
              "餃子", "茶碗蒸し"],
        "s": ["頭痛", "喉の痛み", "咳", "熱", "腰痛", "風邪", "不眠", "胸焼け", "花粉症", "歯痛"],
        "c": ["東京", "大阪", "京都", "札幌", "福岡", "名古屋", "横浜", "神戸", "沖縄", "広島", "仙台", "奈良"],
    },
    "words": [],
}

LANGS["ko"] = {
    "templates": [
        "{p} 추천", "{p} 가격", "{p} 최저가", "{f} 만드는 법", "{f} 레시피", "{c} 날씨", "{c} 호텔",
        "{c} 가볼만한 곳", "{s} 빨리 낫는 법", "{s} 증상", "{c} {c2} 기차",
    ],
    "slots": {
        "p": ["자전거", "세탁기", "냉장고", "청소기", "백팩", "러닝화", "커피머신", "우산", "이어폰", "책상",
              "사무용 의자", "매트리스", "텔레비전", "스탠드", "러그", "전동드릴", "유모차"],
        "f": ["김치찌개", "된장찌개", "불고기", "비빔밥", "떡볶이", "잡채", "삼계탕", "김밥", "부대찌개", "갈비찜"],
        "s": ["두통", "목감기", "기침", "열", "허리 통증", "코감기", "불면증", "속쓰림", "비염", "치통"],
        "c": ["서울", "부산", "제주", "인천", "대구", "광주", "대전", "경주", "강릉", "전주"],
    },
    "words": [],
}

LANGS["vi"] = {
    "templates": [
        "giá {p}", "mua {p} ở đâu", "{p} tốt nhất", "cách làm {f}", "thời tiết {c}", "khách sạn {c}",
        "du lịch {c}", "cách chữa {s}", "triệu chứng {s}", "{p} giá rẻ",
    ],
    "slots": {
        "p": ["xe đạp", "máy giặt", "tủ lạnh", "máy hút bụi", "ba lô", "giày chạy bộ", "máy pha cà phê",
              "ô", "tai nghe", "bàn làm việc", "ghế văn phòng", "nệm", "ti vi", "đèn bàn", "thảm"],
        "f": ["phở bò", "bún chả", "bánh mì", "gỏi cuốn", "cơm tấm", "bánh xèo", "chả giò", "bún bò huế",
              "cà phê sữa đá"],
        "s": ["đau đầu", "đau họng", "ho", "sốt", "đau lưng", "cảm cúm", "mất ngủ", "ợ nóng", "dị ứng",
              "đau răng"],
        "c": ["hà nội", "sài gòn", "đà nẵng", "huế", "hội an", "nha trang", "đà lạt", "hải phòng",
              "cần thơ", "vũng tàu"],
    },
    "words": [],
}

LANGS["id"] = {
    "templates": [
        "harga {p}", "beli {p} online", "{p} murah", "{p} terbaik {y}", "resep {f}", "cara membuat {f}",
        "cuaca {c} besok", "hotel murah di {c}", "tempat wisata di {c}", "obat {s}", "gejala {s}",
    ],
    "slots": {
        "p": ["sepeda", "mesin cuci", "kulkas", "penyedot debu", "tas ransel", "sepatu lari", "mesin kopi",
              "payung", "headset", "meja kerja", "kursi kantor", "kasur", "televisi", "lampu meja",
              "karpet", "bor listrik", "kereta bayi"],
        "f": ["nasi goreng", "rendang", "sate ayam", "soto ayam", "gado-gado", "bakso", "martabak",
              "pempek", "rawon", "klepon"],
        "s": ["sakit kepala", "sakit tenggorokan", "batuk", "demam", "sakit punggung", "pilek",
              "susah tidur", "maag", "alergi", "sakit gigi"],
        "c": ["jakarta", "bandung", "surabaya", "yogyakarta", "bali", "medan", "semarang", "malang",
              "makassar", "lombok"],
    },
    "words": """
    rumah sekolah mobil jalan kota pasar makanan minuman kantor buku meja kursi jendela pintu
    dapur kamar pantai gunung sungai hujan matahari bulan bintang perpustakaan pemandangan
    """.split(),
}

LANGS["cs"] = {
    "templates": [
        "{p} levně", "koupit {p}", "nejlepší {p} {y}", "recept na {f}", "počasí {c} zítra",
        "vlak {c} {c2}", "hotel {c}", "{c} památky", "{s} léčba", "otevírací doba {shop} {c}",
        "jak udělat {f}", "{p} recenze",
    ],
    "slots": {
        "p": ["kolo", "pračka", "lednice", "vysavač", "batoh", "běžecké boty", "kávovar", "deštník",
              "sluchátka", "psací stůl", "kancelářská židle", "matrace", "televize", "lampa", "koberec",
              "vrtačka", "kočárek", "rychlovarná konvice"],
        "f": ["svíčková", "guláš", "knedlíky", "bramboráky", "trdelník", "vepřo knedlo zelo", "koláče",
              "bramborová polévka", "řízek"],
        "s": ["bolest hlavy", "bolest v krku", "kašel", "horečka", "bolest zad", "rýma", "nespavost",
              "pálení žáhy", "alergie", "bolest zubů"],
        "c": ["praha", "brno", "ostrava", "plzeň", "olomouc", "liberec", "české budějovice",
              "karlovy vary", "bratislava", "kutná hora"],
        "shop": ["lékárna", "pošta", "knihovna", "albert", "billa"],
    },
    "words": """
    auto banka byt chleba dům jablko káva kniha kuchyně lékař město mléko nádraží obchod okno
    pes počítač pokoj postel práce řeka škola stůl telefon ulice voda zahrada zima
    """.split(),
}

# Kana / Han characters used to build fictional CJK entries (innocuous nature and object characters).
HAN_POOL = list(
    "山川木水火石竹米花草雲雨風雪星月光海湖林森田金銀鉄銅玉貝羽鳥魚虫馬牛羊犬鹿熊亀桜梅松杉柳桃梨柿茶豆麦瓜葉根"
    "糸布紙筆墨鐘鈴鏡箱皿杯橋塔門窓壁瓦舟輪旗弓矢琴笛鼓角巣丘谷峰島浜沼泉滝霧霜露氷炎灰砂泥岩苔菊蓮藤萩楓椿棚"
    "柱梁瓶壺釜鍋盆籠網縄帆錨舵蔵庫宮殿城砦"
)
KATAKANA_POOL = list("カキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワガギグゲゴザジズゼゾダデドバビブベボパピプペポ")
HIRAGANA_POOL = list("かきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽ")
ARABIC_POOL = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
