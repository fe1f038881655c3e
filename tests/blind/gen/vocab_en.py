"""English vocabulary for the blind corpus generator (hand written, everyday words).

Used for innocent queries, for the filler words of positive queries, as host
words for the `containing` class, as word pairs for `cross-boundary`, and to
reject generated list entries that happen to be real words.
"""

# Everyday nouns.
EN_NOUNS = """
account address advice afternoon airport alarm album allergy anchor animal answer apartment apple
appointment apron area argument arm army arrow article artist attic audience author autumn avenue
baby backpack bag bakery balance balcony ball balloon banana band bank barn basket bath bathroom
battery beach bean bear bed bedroom bee beef bell belt bench berry bicycle bill bird birthday biscuit
blanket blender block blossom board boat body bone book bookcase boot bottle bottom bowl box bracelet
brain branch bread breakfast brick bridge brother brush bucket budget building bulb bus bush business
butter button cabbage cabin cabinet cable cafe cake calendar camera camp campus candle candy canoe
canvas cap captain car card carpet carrot cart case cash castle cat cathedral cave ceiling cellar
chair chalk channel chapter charger cheese chef cherry chicken chimney chocolate church cinema circle
city class classroom clay cliff clock closet cloth cloud club coach coast coat coffee coin collar
college color comb comedy company computer concert contract cook cookie corner cottage cotton couch
country county course court cousin cow crab crayon cream credit crop crown cup cupboard curtain
cushion customer cycle dad daisy dance date daughter deck degree dentist desert desk dessert diamond
diary dictionary dinner direction disease dish doctor dog doll dolphin door dragon drawer dream dress
drink driver drum duck dust eagle ear earth egg elbow election elephant elevator email engine
engineer entrance envelope eraser evening event exam exit eye fabric face factory family farm farmer
father feather fence ferry festival field film finger fire fish flag flame flight floor flour flower
flute fog folder food foot football forest fork fountain fox frame friend frog fruit furniture garage
garden garlic gate gift giraffe glass glove goat gold golf grape grass guitar hair hall hammer hand
harbor hat head health heart heater helmet highway hill history hobby holiday home honey hook horse
hospital hotel hour house island jacket jam jar jeans jewel job joke journey juice jungle kettle key
keyboard kitchen kite knee knife ladder lake lamp language laptop lawn lawyer leaf lemon lesson letter
library lift light lily lion lip list lizard lock lunch machine magazine mail map market meadow meal
medicine meeting melon memory menu message metal meter milk minute mirror mobile money monkey month
moon morning mother motor mountain mouse mouth movie mug museum music nail napkin nation needle nest
net news newspaper night noodle north nose note notebook number nurse nut ocean office oil onion
orange orchard oven owl page paint painting pan panel pants paper parcel parent park party passport
pasta path pear pen pencil pepper phone photo piano picnic picture pie pig pillow pilot pin pineapple
pipe pizza planet plant plate player pocket poem police pond pool potato pound powder price printer
prize problem program project pump puzzle queen question rabbit radio rain rainbow receipt recipe
report restaurant rice ring river road robot rock roof room root rope rose rug ruler salad salt sand
sandwich saucer scarf school science scissors screen sea season seat secret seed shadow shampoo shape
sheep shelf shell ship shirt shoe shop shoulder shower sink sister skirt sky sleeve slipper snack
snake snow soap sock sofa soil soldier song soup spoon sport spring square stadium stairs stamp star
station statue steam stick stone storm story stove street student sugar suit summer sun supper
surface sweater table tablet tail tea teacher team teeth telephone television tent theater ticket
tiger timber toast toe tomato tongue tool tooth torch tourist towel tower town toy track tractor
traffic train tray tree truck trumpet tunnel turtle umbrella uncle uniform valley van vase vegetable
village violin visitor voice wagon waiter wall wallet watch water wave weather wedding week wheel
window wind wine winter wire wolf wood wool word worker world yard year yogurt zebra zoo
""".split()

# Adjectives (also first words for cross-boundary word pairs).
EN_ADJ = """
able active actual ancient angry annual arctic average awful basic beautiful best better big bitter
black blank blue bold brave bright brilliant broad broken brown busy calm careful central cheap
chief classic clean clear clever close cold comfortable common complete cool correct crazy creative
crisp cultural curious current cute daily dark dear deep delicious dental digital direct dirty double
dry due dull dusty eager early eastern easy electric elegant empty equal exact excellent exotic
expensive extra fair famous fancy far fast fat federal fine firm first flat fluffy foreign formal
fragile free fresh friendly front frozen full funny general gentle giant glad global golden good
grand great green grey happy hard healthy heavy helpful hidden high historic holy honest huge humble
hungry icy ideal important indoor inner junior kind large last late lazy legal light little live
local lonely long loose lost loud lovely low lucky magic main major manual medical mental mild
minor modern moral narrow national native natural neat new nice noble normal northern old open
orange organic original outdoor pale perfect plain polite poor popular portable posh pretty private
proud public pure purple quick quiet rapid rare raw ready real recent red regular remote rich right
rough round royal rural sad safe salty sandy secret senior serious sharp short shy silent silly
silver simple single slim slow small smart smooth soft solar solid sour southern spare special
spicy square stable steep sticky still strange strict strong sunny super sweet swift tall tasty
thick thin tidy tiny tired total tough tropical true typical ugly unique upper urban useful usual
vast vintage visual vital warm weekly weird western wet white whole wide wild windy wise wooden
working yellow young
""".split()

# Verbs and verb forms.
EN_VERBS = """
accept add admire agree allow answer appear apply arrive ask bake begin believe belong borrow break
bring build buy call carry catch change check choose clean climb close collect come compare cook
copy count cover create cross cut dance decide deliver describe design develop dig discover divide
draw dream dress drink drive drop earn eat enjoy enter escape explain explore fall feed feel fetch
fill find finish fix fly fold follow forget forgive freeze gather get give go grow guess hang happen
hate hear help hide hit hold hope hurry imagine improve include invent invite join jump keep kick
knit knock know laugh learn leave lend lift like listen live look lose love make manage measure meet
melt mix move need notice obey offer open order organize pack paint pass pay pick plan plant play
point pour practice prefer prepare print promise protect pull push put reach read receive record
relax remember remove repair repeat reply rest return ride ring rise run save say search see sell
send serve share shine shop show sing sit skate ski sleep slide smell smile solve speak spell spend
stand start stay steal stick stop study succeed swim take talk taste teach tell thank think throw
touch trade travel try turn understand use visit wait wake walk want wash watch wear win wish wonder
work worry write
building cooking cleaning landing standing understanding finding funding pending sending ending
binding winding bending lending spending attending defending trending descending extending
outstanding sounding founding grounding wondering wandering gardening shopping shipping sleeping
swimming running painting printing planting hunting counting mounting pointing wanting renting
painted printed planted hunted counted mounted pointed wanted rented handed landed branded
listening learning morning evening opening training raining reading heading meeting greeting
singing ringing bringing springing swinging thinking drinking sinking blinking linking ranking
banking thanking walking talking working parking marking barking packing tracking checking
""".split()

# Long words: good hosts for the `containing` class.
EN_LONG = """
abandonment absolutely abundance academic acceptance accessible accidentally accommodation
accomplishment accordingly accountant accurately achievement acknowledgement acquaintance
additional adjustment administration admission adventure advertisement affectionate afternoon
agreement agriculture alphabetical alternative ambassador ambulance amendment amusement
announcement anniversary antibiotic anticipation apartment apparently appearance appetite applause
appreciation apprentice appropriate approximately architecture arrangement assessment assignment
assistance assistant association assumption astronomy atmosphere attachment attendance attention
attractive authentic automatic automobile availability background backstroke bandwidth
bankruptcy basketball bathroom battlefield beautiful beginning behaviour belonging benchmark
binoculars biography birthplace blackboard blueberry bookkeeping bookshelf boundary brainstorm
breakfast breathtaking brightness broadcast brotherhood buckwheat butterfly calculation calendar
candlestick capability carpenter carpentry celebration centimetre certificate championship
characteristic chemistry childhood chimpanzee chocolate cholesterol circumstance citizenship
classification classroom cleanliness clockwise coastline collaboration collection combination
comfortable commander commentary commercial commission commitment committee communication
community companion comparison compartment compatible compensation competition complaint
completely complicated component composition comprehensive compromise computer concentration
conclusion condition conference confidence confirmation congratulations connection consequence
conservation considerable consistent constantly construction consultant consumption container
contemporary continental contribution controversial convenient conversation cooperation
coordinator copyright corporation correspondence countryside courtyard craftsmanship crossroads
cultivation cupboard curriculum customer dangerous darkness dashboard daughter decoration
definitely delightful democracy demonstration dentistry department departure dependent description
desperately destination determination development dictionary difference different difficulty
dimension dinosaur direction disadvantage disappointment discipline discovery discussion
dishwasher distinguished distribution documentary doorstep downstairs downtown dragonfly
dramatically drawbridge earthquake economical education effectively efficiency elaborate
electricity elementary elevator elimination embarrassment emergency emotional employment
encouragement encyclopedia endangered engagement engineering enormous enthusiastic entertainment
entrepreneur environment equipment especially establishment evaluation eventually everybody
everything everywhere evidently examination excellent exceptional excitement exclusively exercise
exhibition expectation expedition expensive experience experiment explanation exploration
expression extraordinary extremely fabulous facilities familiar fantastic farmhouse fascinating
fashionable favourite fingerprint fireplace firework fisherman flashlight flexibility footprint
forecast forgetful fortunately foundation fountain fragrance framework frequently friendship
frightening furniture gardening generation generous gentleman geography gingerbread girlfriend
government graduation grandchild grandfather grandmother grapefruit grasshopper gratitude greenhouse
guarantee guidelines gymnastics hairdresser halfway handkerchief handwriting happiness harmonica
headquarters healthcare heartbeat helicopter hemisphere highlight historical homework honeymoon
horizontal horseshoe hospitality household housework humanity hurricane identification illustration
imagination immediately implementation importance impossible impression improvement incredible
independence individual industrial infection information ingredient inhabitant initiative innocence
inspection inspiration installation instrument insurance intelligence intention interesting
international internship interpretation interruption intersection interview introduction
invention investigation invitation jellyfish journalist judgement kangaroo keyboard kindergarten
kingfisher knowledge laboratory landscape laundry leadership legendary lighthouse limitation
literature livestock locksmith loudspeaker magnificent maintenance management manufacturer
marketplace marmalade mathematics measurement mechanical membership microphone microwave
midnight millionaire miniature ministry misunderstanding moisture monument motorcycle mountain
multiplication mushroom musician mysterious necessary negotiation neighbourhood nevertheless
newspaper nightingale notebook notification nutrition observation occasionally occupation
opportunity optimistic orchestra ordinary organisation orientation ornament otherwise outstanding
overnight ownership painting pancake paperwork paragraph parliament participation particularly
partnership passenger password peacefully pedestrian peninsula peppermint percentage performance
permanent permission personality perspective pharmacy phenomenon philosophy photograph photographer
physically pineapple playground pleasant pleasure plumbing population portfolio possibility
postcard potential powerful practical precisely preference preparation prescription presentation
president previously primarily principal priority probability procedure production profession
professional programme progress pronunciation properly proposal protection psychology publication
punctuation purchase qualification quantity quarantine questionnaire raincoat rainforest
raspberry reasonable receptionist recognition recommendation reconstruction recreation
refrigerator registration regulation relationship relatively remarkable remembrance renovation
replacement representative reputation requirement reservation residential resolution respectful
responsibility restaurant retirement revolution rhinoceros sailboat sandcastle satisfaction
saxophone scholarship scientific screwdriver seashore secretary security semicircle sentence
separately settlement shipwreck shoelace shoulder significant silverware similarity skateboard
skyscraper snowflake snowstorm somewhere spaghetti specialist specifically spectacular
spreadsheet springtime squirrel stadium stationery statistics stepmother storyteller strawberry
strengthen structure subscription substantial successful suddenly suggestion sunflower sunglasses
sunscreen supermarket supervisor supplement surprisingly surroundings sustainable sweetheart
swimming symphony sympathy technology telescope temperature temporary tendency territory
thankfully thermometer thunderstorm toothbrush toothpaste tournament tradition transformation
translation transparent transportation treasure treatment tremendous triangle typewriter umbrella
uncomfortable understanding unemployment unfortunately uniform university unnecessary upholstery
vacation valuable vegetable vegetarian vertical veterinarian videogame vocabulary volunteer
waterfall watermelon weatherproof wheelbarrow wheelchair whiteboard wilderness windmill
windscreen wonderful woodpecker workshop worldwide wristwatch yesterday
""".split()

# Small function words (used in adjacent-word sentences and filtering).
EN_FUNCTION = """
a an the and or but if so as at by in on to of up it is be am are was were do did does go i me my
we us you he she they them his her its our your this that these those what when where who why how
can may not no yes all any few many more most some such only own same than too very just now then
here there with from into over under out off again once about after before between during until
while for per via
""".split()

# Product names for shopping queries (multi-word allowed).
EN_PRODUCTS = [
    "laptop", "phone case", "running shoes", "coffee maker", "air fryer", "winter jacket",
    "office chair", "standing desk", "backpack", "headphones", "wireless earbuds", "smart watch",
    "vacuum cleaner", "robot vacuum", "washing machine", "dishwasher", "microwave", "toaster",
    "blender", "kettle", "rice cooker", "mattress", "pillow", "duvet cover", "bed frame",
    "bookshelf", "floor lamp", "desk lamp", "rug", "curtains", "garden hose", "lawn mower",
    "drill", "tool set", "hiking boots", "rain jacket", "umbrella", "sunglasses", "wallet",
    "suitcase", "carry on luggage", "camping tent", "sleeping bag", "yoga mat", "dumbbells",
    "treadmill", "bike helmet", "electric bike", "scooter", "car seat", "baby stroller",
    "high chair", "board game", "jigsaw puzzle", "lego set", "guitar strings", "keyboard piano",
    "monitor", "gaming mouse", "mechanical keyboard", "usb hub", "hdmi cable", "power bank",
    "phone charger", "printer ink", "external hard drive", "sd card", "router", "webcam",
    "tablet", "e reader", "smart speaker", "tv stand", "4k tv", "soundbar", "projector",
    "water bottle", "lunch box", "thermos", "frying pan", "cast iron skillet", "knife set",
    "cutting board", "mixing bowls", "baking sheet", "dinner plates", "wine glasses",
    "coffee beans", "green tea", "protein powder", "vitamin d", "sunscreen", "shampoo",
    "toothpaste", "electric toothbrush", "hair dryer", "razor", "perfume", "winter boots",
    "sneakers", "jeans", "t shirt", "hoodie", "socks", "scarf", "gloves", "wool sweater",
    "raincoat", "swimsuit", "flip flops", "dog bed", "cat litter", "dog food", "bird feeder",
    "aquarium filter", "plant pot", "seeds", "compost bin", "bbq grill", "patio chairs",
]

EN_COLORS = "black white red blue green grey beige navy pink purple yellow orange brown silver gold".split()
EN_WHO = [
    "women", "men", "beginners", "seniors", "students", "travel", "office", "camping", "runners",
    "small apartments", "kids", "toddlers", "dogs", "cats", "winter", "summer", "home", "gym",
]
EN_PRICES = ["$20", "$50", "$100", "$200", "$500", "50 dollars", "100 euros", "£30", "€25", "1000"]

EN_CITIES = [
    "paris", "london", "tokyo", "berlin", "rome", "madrid", "lisbon", "amsterdam", "vienna",
    "prague", "budapest", "warsaw", "dublin", "edinburgh", "new york", "boston", "chicago",
    "seattle", "san francisco", "los angeles", "toronto", "vancouver", "montreal", "mexico city",
    "sydney", "melbourne", "auckland", "singapore", "bangkok", "seoul", "hong kong", "dubai",
    "istanbul", "athens", "cairo", "cape town", "nairobi", "marrakech", "buenos aires", "lima",
    "rio de janeiro", "oslo", "stockholm", "copenhagen", "helsinki", "reykjavik", "zurich",
    "geneva", "munich", "hamburg", "barcelona", "seville", "florence", "venice", "naples",
    "kyoto", "osaka", "hanoi", "bali", "manila", "delhi", "mumbai", "denver", "austin", "miami",
    "orlando", "las vegas", "honolulu", "nashville", "new orleans", "quebec city", "krakow",
]
EN_MONTHS = "january february march april may june july august september october november december".split()

EN_SYMPTOMS = [
    "headache", "back pain", "sore throat", "cough", "fever", "runny nose", "stomach ache",
    "heartburn", "insomnia", "dizziness", "toothache", "ear infection", "pink eye", "rash",
    "hay fever", "sunburn", "migraine", "knee pain", "neck pain", "dry skin", "hiccups",
    "nausea", "muscle cramps", "cold sore", "blister", "sprained ankle", "shin splints",
    "tennis elbow", "dry eyes", "bloating", "constipation", "high blood pressure", "low iron",
    "vitamin d deficiency", "seasonal allergies", "jet lag", "motion sickness", "snoring",
]
EN_PEOPLE = ["adults", "children", "babies", "toddlers", "elderly", "athletes", "pregnancy", "dogs", "cats"]
EN_MEDS = [
    "ibuprofen", "paracetamol", "acetaminophen", "aspirin", "antihistamine", "cough syrup",
    "melatonin", "vitamin c", "zinc", "magnesium", "omeprazole", "loratadine", "amoxicillin",
    "eye drops", "nasal spray", "probiotics", "iron tablets", "fish oil",
]

EN_FOODS = [
    "banana bread", "lasagna", "chicken curry", "pancakes", "apple pie", "chocolate cake",
    "beef stew", "tomato soup", "caesar salad", "mac and cheese", "fried rice", "pad thai",
    "guacamole", "hummus", "meatballs", "pizza dough", "sourdough bread", "carrot cake",
    "lemon tart", "shepherds pie", "fish tacos", "chili con carne", "risotto", "omelette",
    "french toast", "brownies", "cheesecake", "scones", "muffins", "waffles", "pot roast",
    "roast chicken", "vegetable soup", "lentil soup", "stuffed peppers", "garlic bread",
    "potato salad", "coleslaw", "granola", "smoothie", "iced coffee", "lemonade", "apple crumble",
]
EN_INGREDIENTS = [
    "eggs", "butter", "milk", "flour", "sugar", "baking soda", "baking powder", "yeast", "cream",
    "buttermilk", "honey", "olive oil", "garlic", "onion", "lemon juice", "vanilla", "cornstarch",
]

EN_PROG_LANGS = [
    "python", "javascript", "typescript", "java", "c++", "c#", "rust", "go", "kotlin", "swift",
    "php", "ruby", "bash", "sql", "r", "matlab", "scala", "haskell", "lua", "perl", "dart",
]
EN_TASKS = [
    "reverse a string", "sort a list", "read a file", "parse json", "split a string",
    "remove duplicates", "merge two dictionaries", "convert string to int", "get current date",
    "format a date", "make http request", "write unit tests", "handle exceptions",
    "iterate over a map", "create a class", "use regex", "connect to database",
    "read csv file", "generate random number", "check if file exists", "sleep for 1 second",
    "concatenate strings", "find max in array", "round to 2 decimals", "upload a file",
]
EN_ERRORS = [
    "TypeError: Cannot read properties of undefined (reading 'map')",
    "npm ERR! code ERESOLVE unable to resolve dependency tree",
    "segmentation fault (core dumped)",
    "error: expected ';' before '}' token",
    "java.lang.NullPointerException",
    "ModuleNotFoundError: No module named 'numpy'",
    "IndentationError: unexpected indent",
    "KeyError: 'id'",
    "git push rejected non-fast-forward",
    "fatal: refusing to merge unrelated histories",
    "docker: permission denied while trying to connect to the Docker daemon socket",
    "ORA-00942: table or view does not exist",
    "HTTP 404 not found",
    "502 bad gateway nginx",
    "error 0x80070005 access denied",
    "ERR_CONNECTION_REFUSED",
    "CORS policy: No 'Access-Control-Allow-Origin' header",
    "error[E0502]: cannot borrow as mutable because it is also borrowed as immutable",
    "error[E0382]: borrow of moved value",
    "undefined reference to `main'",
    "ssh: connect to host port 22: Connection refused",
    "kubectl CrashLoopBackOff",
    "OutOfMemoryError: Java heap space",
    "Uncaught ReferenceError: $ is not defined",
    "SyntaxError: Unexpected token < in JSON at position 0",
    "warning: LF will be replaced by CRLF",
    "pip install error: externally-managed-environment",
    "blue screen IRQL_NOT_LESS_OR_EQUAL",
    "E: Unable to locate package",
    "ValueError: invalid literal for int() with base 10",
    "panic: runtime error: index out of range",
    "Cannot find module 'react'",
    "SSL certificate problem: unable to get local issuer certificate",
    "too many open files",
    "disk quota exceeded",
    "permission denied (publickey)",
    "Exit code 137",
    "HTTP 429 too many requests",
    "NaN is not a number javascript",
    "stack overflow recursion depth exceeded",
]
EN_TOOLS = [
    "git", "docker", "kubernetes", "vscode", "vim", "npm", "pip", "cargo", "gradle", "maven",
    "webpack", "vite", "excel", "word", "outlook", "chrome", "firefox", "zoom", "teams", "slack",
    "photoshop", "blender", "ffmpeg", "postgres", "mysql", "redis", "nginx", "apache", "terraform",
]
EN_OS = ["windows 11", "windows 10", "macos", "ubuntu", "debian", "fedora", "android", "ios", "chromebook", "linux mint"]
EN_OS_PROBLEMS = [
    "wifi not working", "bluetooth not connecting", "slow startup", "screen flickering",
    "no sound", "battery draining fast", "update stuck", "black screen after update",
    "keyboard not working", "printer offline", "cannot install apps", "fan noise",
]

EN_EXCLAMATIONS = [
    "HELP!", "WOW!!!", "OMG", "omg!!", "lol", "LOL", "yay!", "ugh", "oops", "hmm...", "OK!!",
    "NO WAY!!!", "WHY???", "argh", "yesss", "nooooo", "sooo good", "hahaha", "wooow", "yikes",
    "phew", "ouch!", "brrr", "hooray!", "bravo!", "cheers!", "wait what?!", "seriously?!",
    "finally!!!", "STOP!", "help me please!!!", "so cool!!", "awesome!!!", "nice!!", "gg",
    "thank you!!!", "happy birthday!!!", "merry christmas!", "happy new year!!", "good morning!",
    "good night!", "see you soon!", "wow amazing", "what?!", "huh?", "ahhh", "eek!", "boo!",
]

EN_HASHTAG_WORDS = [
    "black friday", "throwback thursday", "monday motivation", "travel gram", "summer vibes",
    "no filter", "sunset lovers", "coffee time", "book club", "garden life", "dog lovers",
    "cat life", "healthy eating", "home made", "road trip", "beach day", "mountain view",
    "happy friday", "weekend plans", "study with me", "rainy day", "fall colors", "winter wonderland",
    "spring cleaning", "meal prep", "bake off", "plant based", "work from home", "family time",
    "game night", "movie night", "self care", "fitness goals", "new music", "earth day",
    "small business", "shop local", "art work", "photo of the day", "world cup",
]

# Word pairs for "sentences with words that sit next to each other".
EN_SENTENCES = [
    "is it ok to go to bed at {n}", "how do i get to the {place}", "to be or not to be",
    "as soon as i can", "i do not know what to do", "can i eat eggs at night",
    "where is the train to {city}", "let it go", "in a bit", "so far so good",
    "what is a b c analysis", "plan b", "vitamin b 12", "type a personality", "x y z axis",
    "a to z list", "do it yourself {thing}", "is it going to rain in {city}",
    "how to tie a tie", "how to get a job at {n}", "what to do on a rainy day",
    "can you help me find my {thing}", "i am so tired of my {thing}", "we are at the {place}",
    "is the {place} open on sunday", "what time is it in {city}", "how far is it to the {place}",
    "it is what it is", "go to the {place} by bus", "is this the way to the {place}",
    "how much is a {thing} in {city}", "can i bring my {thing} on a plane",
    "does the {place} take cards", "how old is the {place} in {city}", "my {thing} is not working",
    "who is on the {n} dollar bill", "why is my {thing} so slow", "i need a new {thing}",
    "on and off", "up to {n} percent off", "one by one", "all in one {thing}", "to do list app",
    "at the end of the day", "out of office message", "over the top", "under the sea",
    "in and out {place}", "by the way", "as far as i know", "if so then what",
]
EN_SENT_PLACES = ["mall", "station", "airport", "museum", "library", "park", "beach", "zoo", "bank", "post office", "gym", "pharmacy", "hospital", "market", "stadium", "castle", "lake", "bakery"]
EN_SENT_THINGS = ["phone", "laptop", "bike", "printer", "car", "wallet", "keys", "umbrella", "charger", "headphones", "camera", "guitar", "jacket", "watch", "tablet", "desk", "garden", "dog"]

# Glue words for the `glued` and `camel-hashtag` positive classes.
GLUE_PRE = ["best", "free", "new", "top", "my", "real", "full", "cheap", "buy", "get", "big", "super", "official", "daily", "live", "find", "old", "mega"]
GLUE_POST = ["videos", "video", "download", "online", "pics", "photos", "forum", "club", "fans", "fun", "shop", "store", "chat", "app", "hd", "world", "zone", "site", "news", "blog", "wiki", "tv", "games", "free", "now", "today", "official", "collection", "archive"]

# Contexts for positives: "{}" is the disguised entry (realistic search queries).
POS_CONTEXTS = [
    "{}", "{}", "{}", "{}", "cheap {} near me", "download {}", "{} video hd", "{} free", "best {} 2024",
    "how to find {}", "{} online", "where to buy {}", "{} reviews", "watch {} online free",
    "{} pics", "{} forum", "new {} videos", "what is {}", "{} app download", "{} full", "top 10 {}",
    "{} hd 1080p", "{} link", "{} telegram", "{} archive", "{} collection zip",
    "wo finde ich {}", "{} kaufen", "{} kostenlos", "{} herunterladen", "neue {} videos",
    "comment trouver {}", "{} gratuit", "télécharger {}", "{} en ligne",
    "descargar {}", "{} gratis", "dónde comprar {}", "ver {} online",
    "scaricare {}", "dove trovare {}", "baixar {}", "onde encontrar {}",
    "{} downloaden", "waar vind ik {}", "{} za darmo", "gdzie znaleźć {}",
    "скачать {}", "{} бесплатно", "где найти {}", "{} смотреть онлайн",
    "{} indir", "{} izle", "{} ダウンロード", "{} 無料", "{} 下载", "免费 {}", "{} 다운로드",
    "تحميل {}", "{} مجانا",
]
POS_EXTRA = ["2024", "hd", "new", "full", "online", "free", "video", "pics", "link", "best", "4k", "zip", "mp4", "now", "today", "latest"]
