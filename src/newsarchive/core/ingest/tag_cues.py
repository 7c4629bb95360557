"""The words around a tag's mention in an article that tell a person, a place or an organisation
apart (EN / ES / PT), as comparison keys (`tag_text.tag_key`: no accents, lower case)."""

from __future__ import annotations

from newsarchive.core.ingest.tag_text import tag_keys


def _keys(words: str) -> frozenset[str]:
    return frozenset(tag_keys(words.split()))


# Titles, offices, trades and family words written right before a person's name ("President
# Lai", "the farmer Raimundo Nonato", "la ministra Nilda Semedo", "o porta-voz Francisco") or
# heading an apposition after it ("Kwame Asante, a cocoa farmer,").
PERSON_NOUNS = _keys("""
    president vice-president ex-president minister premier chancellor senator governor mayor
    congressman congresswoman mp lawmaker legislator deputy king queen prince princess pope
    ayatollah sheikh emir sultan general colonel major captain commander lieutenant sergeant
    admiral judge prosecutor attorney lawyer dr dr. doctor professor prof prof. mr mr. mrs mrs.
    ms ms. miss sir dame lord lady rev rev. reverend father bishop archbishop cardinal imam rabbi
    pastor priest monk nun sister brother spokesman spokeswoman spokesperson leader chairman
    chairwoman chair director executive ceo founder co-founder secretary ambassador envoy
    negotiator official officer analyst economist researcher scientist historian expert
    journalist reporter editor columnist writer author poet novelist artist painter singer
    musician rapper star actor actress filmmaker coach manager striker midfielder defender
    goalkeeper player athlete runner sprinter boxer champion activist campaigner organiser
    organizer unionist farmer fisherman fisher herder trader vendor shopkeeper baker driver
    worker teacher schoolteacher nurse midwife student pensioner retiree resident mother widow
    widower survivor witness victim rescuer engineer architect designer entrepreneur businessman
    businesswoman billionaire tycoon candidate nominee incumbent dissident rebel warlord chief
    boss presenter host anchor blogger influencer comedian dancer homebuyer homeowner landlord
    tenant migrant refugee detainee prisoner suspect defendant colleague wife husband son daughter
    uncle aunt grandmother grandfather cousin grandson granddaughter man woman boy girl member
    presidente presidenta vicepresidente vicepresidenta expresidente expresidenta ministro
    ministra canciller senador senadora gobernador gobernadora alcalde alcaldesa diputado
    diputada congresista legisladora concejal concejala juez jueza fiscal abogado abogada
    magistrado magistrada coronel capitan rey reina principe papa obispo arzobispo cardenal padre
    sacerdote monsenor doctora medico medica profesor profesora maestro maestra don dona senor
    senora sr sr. sra sra. portavoz vocero vocera dirigente lider jefe jefa directora gerente
    secretario secretaria embajador embajadora funcionario funcionaria analista economista
    investigador investigadora experto experta historiador historiadora periodista escritor
    escritora poeta artista cantante cantautor actriz cineasta entrenador tecnico delantero
    futbolista jugador jugadora atleta campeon campeona activista defensora sindicalista
    campesino campesina agricultor agricultora pescador pescadora comerciante vendedor vendedora
    conductor chofer trabajador trabajadora obrero obrera estudiante jubilado jubilada vecino
    vecina madre viuda viudo sobreviviente testigo victima rescatista ingeniero ingeniera
    empresario empresaria candidato candidata opositor opositora dueno duena consejera
    consejero guia comunero comunera hermano hermana hijo hija esposa esposo companero companera
    cocalero minero enfermera enfermero hombre mujer nino nina joven miembro integrante
    vice-presidente ex-presidente governadora prefeito prefeita autarca deputado deputada
    vereador vereadora juiz juiza procurador procuradora advogado advogada capitao rei rainha
    bispo arcebispo cardeal doutor doutora dom senhor senhora porta-voz chefe diretor diretora
    director secretario embaixador embaixadora pesquisador pesquisadora especialista jornalista
    cantor cantora ator treinador avancado atacante jogador jogadora campeao campea ativista
    camponesa campones motorista taxista operario operaria aposentado aposentada reformado
    reformada morador moradora mae pai viuva testemunha engenheiro engenheira empresario
    empresaria dono diarista produtor produtora administradora administrador cacique irmao irma
    filho filha marido colega mulher menino menina membro
""")

# Verbs of saying that follow a person's name ("Diop said", "dijo Traoré", "Gusmão pediu").
REPORTING_VERBS = _keys("""
    said says told tells added adds explained explains argued argues warned warns insisted
    insists recalled recalls complained complains admitted admits wrote writes replied replies
    urged urges believes thinks hopes fears laughed smiled recalled noted notes stressed
    dijo dice afirmo afirma declaro declara explico explica senalo senala aseguro asegura agrego
    anadio indico sostuvo sostiene manifesto conto cuenta relato relata advirtio insistio
    reconocio comento expreso subrayo recordo lamento opino admitio respondio pidio critico
    disse diz afirmou declarou explicou contou acrescentou destacou ressaltou frisou sublinhou
    garantiu assegurou avaliou lembrou defendeu alertou admitiu reconheceu referiu considerou
    pediu lamentou respondeu criticou
""")

# Verbs of saying before a name, in an attribution after a quote or a comma ("..., said Mamadou
# Ndiaye"), and words that attribute what follows to a person ("según Traoré").
ATTRIBUTION_BEFORE = _keys("said says told dijo afirmo explico disse afirmou explicou")
ACCORDING = _keys("segun segundo conforme")

# Words that open an apposition or clause about a person ("X, who ...", "X, quien ...").
PERSON_CLAUSE = _keys("who whom whose quien quienes quem cuyo cuya cujo cuja")

# Articles and possessives: before a name they mark a place or an organisation ("the Tigris",
# "el Chapare", "o Ibama"), and they open the appositions read for a kind ("X, a farmer").
ARTICLES = _keys("the el la los las lo o os as")
DETERMINERS = _keys("""
    the a an one its his her their our el la los las un una uno su sus o a os as um uma seu sua
    seus suas 's
""")

# Prepositions that end the noun phrase of an apposition ("a farmer from Konongo").
PHRASE_PREPOSITIONS = _keys("""
    of from at in for with on near de del da do das dos en em no na para con com desde
""")

# Words joining names of the same kind ("Kisumu and Nakuru", "Oruro y Potosí", "Gabu e Bafatá").
AND_WORDS = _keys("and or y e ou")
# Lower-case words inside a name ("Dar es Salaam", "San Pedro de Atacama").
NAME_PARTICLES = _keys("de del da do das dos es la le el al bin van von y e")

# Prepositions of place right before a name ("in Kumasi", "en Challapata", "em Macomia",
# "no Mindelo"), and weaker ones that also come before persons ("from", "de").
PLACE_PREPOSITIONS = _keys("""
    in en em no na nos nas near outside across throughout around into inside towards toward hacia
    between entre within dentro rumo
""")
WEAK_PLACE_PREPOSITIONS = _keys("from to at desde of de del do da dos das")

# Nouns for a place, before its name ("the village of Hawzen", "el barrio Cristo del Consuelo"),
# after it ("Dadu district", "Zaatari camp") or in an apposition ("Monrovia, the capital").
PLACE_NOUNS = _keys("""
    city town village hamlet capital province region district county state municipality
    neighbourhood neighborhood suburb island islands atoll port camp border valley river lake
    country area commune parish township settlement outskirts oasis
    ciudad pueblo aldea caserio capital provincia region distrito departamento municipio barrio
    comunidad localidad isla puerto campamento frontera valle rio lago pais zona parroquia
    cantón canton corregimiento vereda poblado comuna
    cidade vila aldeia povoado provincia regiao distrito municipio bairro comunidade localidade
    ilha porto campo fronteira vale lago estado favela freguesia concelho
""")

# The nouns of place that may stand right before a name, without "of" ("the capital Accra",
# "el barrio Cristo del Consuelo", "o bairro Sarandi", "the hamlet Lang Nu").
PLACE_NOUNS_BEFORE_NAMES = _keys("""
    capital city town village hamlet island port river camp suburb township barrio aldea caserio
    poblado comuna vereda corregimiento isla puerto rio campamento bairro aldeia povoado favela
    ilha porto vila cidade ciudad pueblo
""")

# Words before "of" that make what follows a place ("residents of Aguas Calientes", "parts of
# Tigray", "north of Dakar", "sur de Lima").
PLACE_OF = _keys("""
    residents inhabitants people citizens streets outskirts edge centre center heart parts part
    north south east west northeast northwest southeast southwest habitantes vecinos pobladores
    moradores calles ruas afueras arredores centro partes norte sur sul este oeste leste noroeste
    nordeste sudeste sureste suroeste sudoeste
""")
PLACE_ADJECTIVES = _keys("""
    northern southern eastern western central north-eastern north-western south-eastern
    south-western northeastern northwestern southeastern southwestern rural coastal
""")

# Nouns for an organisation before its name ("the company Safaricom", "la naviera Cosco",
# "a empresa BYD", "la ONG Amal Atlas") or after it ("Safaricom's chief executive").
ORGANISATION_NOUNS = _keys("""
    company firm group party union ngo charity agency bank airline carrier club team operator
    network broadcaster newspaper channel brand maker giant developer insurer lender retailer
    manufacturer automaker carmaker miner conglomerate startup start-up platform app
    empresa compania firma grupo partido sindicato ong organizacion agencia banco aerolinea
    naviera club equipo operadora cadena diario periodico constructora petrolera minera
    estatal fundacion asociacion
    companhia organizacao agencia clube equipa equipe emissora jornal construtora petrolifera
    mineradora montadora fabricante fundacao associacao
""")
ORGANISATION_AFTER = _keys("""
    shares shareholders board subsidiary headquarters employees staff ceo chairman revenue profits
    profit customers
""")
