"""The words that tell a tag's kind apart from names: organisation words and names, acronyms,
topic words, and the titles, particles and suffixes found inside persons' names (EN / ES / PT)."""

from __future__ import annotations

from newsarchive.core.ingest.tag_text import tag_keys


def _keys(words: str) -> frozenset[str]:
    return frozenset(tag_keys(words.split()))


# A word that makes a tag an organisation wherever it stands ("Socialist Party", "Partido dos
# Trabalhadores", "Supreme Court", "Banco Central"), unless the whole tag is a place.
ORGANISATION_WORDS = _keys("""
    party parties partido partidos ministry ministries ministerio ministério union unión união
    council consejo conselho front frente movement movimiento movimento bank banco army armies
    ejército exército agency agencia agência court corte tribunal tribunais assembly
    asamblea assembleia congress congreso congresso parliament parlamento committee comité comitê
    diputados deputados
    commission comisión comissão university universidad universidade college academy academia
    institute instituto foundation fundación fundação association asociación associação
    federation federación federação confederation confederación confederação organization
    organisation organización organização alliance alianza aliança coalition coalición coalizão
    coligação league liga senate senado government gobierno governo cabinet gabinete department
    departamento office oficina secretariat secretaría secretaria police policía polícia navy
    armada marinha guard guardia guarda militia milicia milícia brigade brigades brigada brigadas
    corps cuerpo regiment battalion batallón command comando forces fuerzas forças embassy
    embajada embaixada consulate consulado prosecutor fiscalía procuraduría procuradoria
    contraloría defensoría ombudsman bureau service servicio serviço fund fondo fundo programme
    program programa forum foro fórum company companies compañía companhia corporation corp
    corporación inc ltd llc plc group grupo holdings airline airlines airways aerolíneas network
    cartel cártel gang pandilla syndicate sindicato sindicatos trade-union church iglesia
    igreja diocese archdiocese mission misión missão commissioner cooperative cooperativa
    chamber board junta directorate dirección diretoria authority autoridad
    autoridade administration administración administração democrats republicans socialists
    communists conservatives liberals labour laborista tories greens zapatistas sandinistas
    chavistas peronistas peronismo kirchnerismo taliban hezbollah hamas klan times post herald
    tribune gazette journal guardian diario periódico jornal gaceta gazeta folha platform
    plataforma colegio colégio institución instituição institution center centre
    shipping railway railways ferrocarril ferrocarriles ferrovia
""")

# Organisations known by a name without an organisation word (compared as keys).
KNOWN_ORGANISATIONS = frozenset(tag_keys((
    "United Nations", "Naciones Unidas", "Nações Unidas", "Amnesty International",
    "Amnistía Internacional", "Anistia Internacional", "Human Rights Watch", "Red Cross",
    "Cruz Roja", "Cruz Vermelha", "Red Crescent", "Media Luna Roja", "Crescente Vermelho",
    "Médecins Sans Frontières",
    "Doctors Without Borders", "Médicos Sin Fronteras", "Greenpeace", "Oxfam", "WikiLeaks",
    "Interpol", "Europol", "Pentagon", "Pentágono", "Kremlin", "White House",
    "Casa Blanca", "Casa Branca", "Casa Rosada", "Palacio de Miraflores", "Palácio do Planalto",
    "Itamaraty", "Downing Street", "Élysée", "Mossad", "Shin Bet", "Scotland Yard",
    "Nato", "Otan", "Opec", "Opep", "Mercosur", "Mercosul", "Unasur", "Unasul", "Celac", "Caricom",
    "Petrocaribe", "Unesco", "Unicef", "Acnur", "Unrwa", "Brics", "Asean", "Petrobras", "Pdvsa",
    "Pemex", "Gazprom", "Rosneft", "Odebrecht", "Chevron", "ExxonMobil", "Exxon", "Pfizer",
    "AstraZeneca", "Huawei", "Google", "Facebook", "Twitter", "YouTube",
    "Microsoft", "Apple", "Tesla", "SpaceX", "Telesur", "teleSUR", "Al Jazeera", "Al Mayadeen",
    "Reuters", "Associated Press", "Prensa Latina", "Xinhua", "Sputnik", "RT", "BBC", "CNN",
    "Al Qaeda", "Al-Qaeda", "Islamic State", "Estado Islámico", "Estado Islâmico", "Daesh",
    "Boko Haram", "Al-Shabaab", "Wagner Group", "Hezbolá", "Hizbulá", "Hamás", "Talibán",
    "Shining Path",
    "Sendero Luminoso", "Tupamaros", "Zapatistas", "Sandinistas", "Lima Group", "Grupo de Lima",
    "Puebla Group", "Grupo de Puebla", "Paris Club", "Club de París", "World Bank",
    "Banco Mundial", "International Monetary Fund", "Fondo Monetario Internacional",
    "Fundo Monetário Internacional", "World Health Organization",
    "Organización Mundial de la Salud",
    "Organização Mundial da Saúde", "World Trade Organization", "Organización Mundial del Comercio",
    "European Union", "Unión Europea", "União Europeia", "African Union", "Arab League",
    "Liga Árabe", "Security Council", "Consejo de Seguridad", "Conselho de Segurança",
)))

# Acronyms of organisations, recognised when the tag is written in capitals ("MAS", not "Mas").
ACRONYMS = frozenset("""
    NATO OTAN OPEC OPEP ALBA ALBA-TCP CELAC EU UE UN ONU OAS OEA IMF FMI WHO OMS WTO OMC ILO OIT
    FAO UNESCO UNICEF UNHCR ACNUR UNRWA UNDP PNUD WFP PMA ICC CPI ICJ CIJ IACHR CIDH IAEA OIEA
    OSCE OECD OCDE ECLAC CEPAL CARICOM SICA CAN UNASUR MERCOSUR MERCOSUL BRICS ASEAN AU SCO CSTO
    G7 G8 G20 G77 IDB BID CAF CIA FBI DEA NSA ATF ICE DHS NED USAID KGB FSB SVR GRU SBU MI5 MI6
    IDF PLO PA PFLP FARC FARC-EP ELN EPL AUC M-19 PSUV MUD PT PSOL PSDB MDB PL PCdoB MST CUT PRI
    PAN PRD MORENA FMLN FSLN ARENA MAS ANC SWAPO ZANU-PF MPLA FRELIMO PKK YPG SDF ISIS ISIL IRA
    ETA PP PSOE PCE PCV PCC PCCh CPC CCP EZLN CONAIE CNE TSJ TSE STF CNN BBC AFP AP EFE RT PDVSA
    BCV ANSA DPA TASS
""".split())

# A word that makes a tag a topic, never a person's name ("Human Rights", "Climate Change",
# "Cold War", "Copa América", "Día de la Mujer"); chosen not to be common surnames.
TOPIC_WORDS = _keys("""
    rights derechos direitos war wars guerras crisis crise change cambio mudança climate
    clima economy economía economia elections election elecciones eleições elección eleição
    referendum referendo plebiscite plebiscito summit cumbre cúpula sanctions sanciones sanções
    blockade bloqueo bloqueio embargo protest protests protesta protestas protesto protestos
    strike strikes huelga greve coup golpe revolution revolución revolução pandemic pandemia
    covid covid-19 coronavirus vaccine vaccines vacuna vacunas vacina vacinas health salud saúde
    education educación educação security seguridad segurança energy energía energia oil
    petróleo gas migration migración migração migrants migrantes refugees refugiados asylum asilo
    corruption corrupción corrupção terrorism terrorismo drugs drogas trafficking narcotráfico
    tráfico violence violencia violência poverty pobreza hunger hambre fome inflation inflación
    inflação debt deuda dívida trade comercio comércio agreement acuerdo acordo accord treaty
    tratado deal reform reforma reforms reformas ley lei laws leyes leis act policy política
    politics rights culture cultura sport sports deporte deportes esporte esportes football
    fútbol futebol soccer music música film cine cinema art arte arts history historia história
    science ciencia ciência technology tecnología tecnologia environment ambiente medioambiente
    water agua água food alimentos justice justicia justiça peace día dia week semana
    year año ano anniversary aniversario aniversário festival festivales carnival carnaval
    cup copa championship campeonato olympics olímpicos games juegos jogos award awards premio
    prêmio prize media medios mídia press prensa imprensa journalism periodismo jornalismo news
    noticias notícias opinion opinión opinião analysis análisis análise interview entrevista
    report informe relatório feminism feminismo women mujeres mulheres indigenous indígenas
    workers trabajadores trabalhadores youth juventud juventude children niños crianças lgbt
    lgbtq lgbtqi gender género gênero racism racismo discrimination discriminación
    discriminação genocide genocidio genocídio massacre masacre massacre attack ataque attacks
    ataques bombing bombardeo invasion invasión invasão occupation ocupación ocupação conflict
    conflicto conflito talks diálogo dialogue negotiations negociaciones negociações process
    proceso processo crimes crime crimen delito murder asesinato assassinato espionage
    espionaje espionagem cyberattack hackers internet nuclear weapons armas arms missile
    missiles misiles mísseis drones drone disaster desastre earthquake terremoto sismo hurricane
    huracán furacão flood floods inundaciones enchentes wildfire wildfires incendios incêndios
    drought sequía seca tourism turismo agriculture agricultura mining minería mineração
    lithium litio lítio gold oro ouro economy markets mercados stock bolsa crypto bitcoin
    blockchain religion religión religião referendums uprising levantamiento
    independence independencia independência sovereignty soberanía soberania imperialism
    imperialismo colonialism colonialismo neoliberalism neoliberalismo socialism socialismo
    communism comunismo capitalism capitalismo fascism fascismo democracy democracia
    dictatorship dictadura ditadura memory memoria memória doctrine doctrina doutrina control
    forest bosque floresta plan operation operación operação operativo lobby hockey tennis
    baseball basketball volleyball rugby cricket boxing athletics cycling marathon typhoon tifón
    tufão cyclone ciclón ciclone storm tormenta tempestade
""")

# Titles that may open a person tag ("Pope Francis", "President Xi Jinping"); skipped, not names.
TITLES = _keys("""
    president presidente presidenta pres. pope papa king queen prince princess rey reina rei
    rainha príncipe princesa sheikh sheik emir sultan ayatollah imam dr dr. mr mr. mrs mrs. ms
    ms. sir dame lord lady general gen. colonel col. commander comandante captain capt. capitán
    senator sen. senador senadora rep. representative deputy diputado diputada deputado deputada
    governor gov. gobernador gobernadora governador mayor alcalde alcaldesa prefeito minister
    ministro ministra chancellor canciller archbishop arzobispo bishop obispo cardinal cardenal
    father padre mother madre sister sor brother hermano saint san santa são st. st
    professor prof. judge juez juíza juiz
""")

# Titles only persons hold: after one of them a single capitalised word is a person ("President
# Biden"); after the others ("General Motors", "Saint Lucia") a given name must follow.
PERSONAL_TITLES = _keys("""
    president presidente presidenta pres. pope papa king queen prince princess rey reina rei
    rainha príncipe princesa sheikh sheik emir sultan ayatollah imam dr dr. mr mr. mrs mrs. ms
    ms. sir dame senator sen. senador senadora governor gov. gobernador gobernadora governador
    mayor alcalde alcaldesa prefeito minister ministro ministra chancellor canciller professor
    prof. judge juez juíza juiz
""")

# Lower-case parts of names ("Luiz Inácio Lula da Silva", "Ursula von der Leyen", "bin Salman").
PARTICLES = _keys("""
    da de del della der di do dos das du la le las los van von y e bin bint ibn al el ter ten
    den zu
""")
# Hyphenated prefixes of Arabic surnames written in lower case ("al-Assad", "el-Sisi").
PARTICLE_PREFIXES = ("al-", "el-", "ad-", "an-", "ar-", "as-", "at-", "az-", "ash-", "bin-", "ibn-")
# How surnames with a capital inside begin ("McDonald", "MacArthur", "DeSantis", "LeBron").
SURNAME_PREFIXES = ("mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "fitz", "o'")
# Words that may close a person tag after the surname.
SUFFIXES = _keys("jr jr. sr sr. ii iii iv v junior júnior filho neto")

# A word that makes a tag a place wherever it stands, once it is not an organisation or a topic
# ("Litani River", "Oyo State", "Union Island", "Salar de Atacama", "Bahía de Cochinos").
# Words that are also common surnames (Costa, Sierra, Monte, Valle) are left out.
PLACE_WORDS = _keys("""
    river rivers río rio ríos rios lake lakes lago lagos laguna lagoa island islands isla islas
    ilha ilhas isle atoll atol atolón archipelago archipiélago arquipélago bay bahía baía gulf
    golfo strait estrecho estreito peninsula península desert desierto deserto ocean océano
    oceano sea valley valleys mountains mount mt. mountain cordillera volcano volcán vulcão
    canyon cañón glacier glaciar falls cataratas cachoeira salar plateau altiplano delta basin
    cuenca bacia highlands lowlands province provinces provincia provincias província
    províncias county counties district districts distrito distritos region regions región
    regiones região regiões municipality municipio municipalidad município state states oblast
    prefecture prefectura governorate gobernación territory territories territorio território
    barrio barrios bairro bairros neighbourhood neighborhood suburb township village villages
    aldea aldeia hamlet favela favelas borough parish parroquia freguesia corregimiento vereda
    comuna canton cantón oasis occidental ocidental oriental
""")

# Compass words that open a place's name ("West Kowloon", "North Kivu"), never a person's.
COMPASS_WORDS = _keys("north south east west northern southern eastern western central upper lower")

# Words joining a head noun to its complement: with one, a tag's first word is its head
# ("Ministry of Health", "Ministerio de Salud"); without, its last ("Health Ministry").
CONNECTORS = _keys("of for on de del do da dos das para sobre")

# Words that open a place's name, as a saint's name does ("San Pedro de Atacama", "St Catherine",
# "São Tomé"): a name after them is not a person's.
SAINT_WORDS = _keys("san santa santo são sao saint st st. ste ste. sainte")

# Acronyms in capitals that name a topic, not an organisation.
TOPIC_ACRONYMS = frozenset("""
    COVID COVID-19 HIV AIDS SIDA GDP PIB VAT IVA AI IA LGBT LGBTQ LGBTI LGBTQI LGBTQ+ ESG NFT
    CO2 TV DNA UFO IPO CEO MVP VAR GMO OGM BBB BRI
""".split())
