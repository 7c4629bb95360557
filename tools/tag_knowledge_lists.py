"""This project's own additions to the tag-kind knowledge's sources: regions and areas, words that
are no places or given names, and given names the lists lack (read by build_tag_knowledge.py)."""

from __future__ import annotations

from newsarchive.core.ingest.tag_text import tag_key

# Regions and areas that are neither countries, subdivisions nor cities (EN / ES / PT), and
# short forms of country names that the ISO lists only give in a long form ("Federación de Rusia").
REGIONS = (
    "Latin America", "América Latina", "Latinoamérica", "Latin America and the Caribbean",
    "América Latina y el Caribe", "América Latina e Caribe", "Ibero-America", "Iberoamérica",
    "South America", "Sudamérica", "Suramérica", "América del Sur", "América do Sul",
    "Central America", "Centroamérica", "América Central", "Mesoamerica", "Mesoamérica",
    "North America", "Norteamérica", "América del Norte", "América do Norte", "The Americas",
    "Americas", "Américas", "Caribbean", "the Caribbean", "Caribe", "Caraíbas", "Antilles",
    "Antillas", "Andes", "Andean region", "Región Andina", "Amazon", "Amazonia", "Amazonía",
    "Amazônia", "Patagonia", "Patagônia", "Southern Cone", "Cono Sur", "Cone Sul", "Gran Chaco",
    "Chaco", "Atacama", "Essequibo", "Guayana Esequiba", "Darién", "Darien Gap",
    "Tapón del Darién", "America", "América", "Middle East", "Medio Oriente", "Oriente Medio",
    "Oriente Médio", "Near East", "Far East", "Levant", "Gulf", "Persian Gulf", "Golfo Pérsico",
    "Arabian Peninsula", "Maghreb", "Magreb", "Sahel", "Sahara", "Horn of Africa",
    "Cuerno de África", "Chifre da África", "North Africa", "West Africa", "East Africa",
    "Southern Africa", "Central Africa", "Sub-Saharan Africa", "África subsahariana",
    "África Subsaariana", "Gaza", "Gaza Strip", "Franja de Gaza", "Faixa de Gaza", "West Bank",
    "Cisjordania", "Cisjordânia", "Golan Heights", "Altos del Golán", "Colinas de Golã", "Sinai",
    "Kurdistan", "Kurdistán", "Curdistão", "Kashmir", "Cachemira", "Caxemira", "Tibet", "Tíbet",
    "Tibete", "Xinjiang", "Southeast Asia", "Sudeste Asiático", "East Asia", "South Asia",
    "Central Asia", "Asia Central", "Ásia Central", "Asia-Pacific", "Asia Pacific",
    "Asia-Pacífico", "Ásia-Pacífico", "Indo-Pacific", "Indo-Pacífico", "Korean Peninsula",
    "Península de Corea", "South China Sea", "Mar de China Meridional", "Mar do Sul da China",
    "Taiwan Strait", "Estrecho de Taiwán", "Eastern Europe", "Europa del Este", "Europa Oriental",
    "Western Europe", "Europa Occidental", "Europa Ocidental", "Balkans", "Balcanes", "Bálcãs",
    "Baltics", "Baltic States", "Países Bálticos", "Scandinavia", "Escandinavia", "Escandinávia",
    "Caucasus", "Cáucaso", "Donbass", "Donbas", "Donbás", "Crimea", "Crimeia", "Nagorno-Karabakh",
    "Nagorno Karabakh", "Abkhazia", "South Ossetia", "Transnistria", "Siberia", "Sibéria",
    "Chechnya", "Chechenia", "England", "Inglaterra", "Scotland", "Escocia", "Escócia", "Wales",
    "Gales", "País de Gales", "Northern Ireland", "Irlanda del Norte", "Irlanda do Norte",
    "Great Britain", "Gran Bretaña", "Grã-Bretanha", "Catalonia", "Cataluña", "Catalunya",
    "Catalunha", "Basque Country", "País Vasco", "País Basco", "Euskadi", "Andalusia", "Andalucía",
    "Galicia", "Vatican", "Vaticano", "Holy See", "Santa Sede", "Palestine", "Palestina",
    "Soviet Union", "Unión Soviética", "União Soviética", "USSR", "URSS", "Yugoslavia",
    "Iugoslávia", "US", "USA", "U.S.", "U.S.A.", "EEUU", "EE.UU.", "EUA", "UK", "U.K.", "UAE",
    "DRC", "DPRK", "Arctic", "Ártico", "Antarctic", "Antártida", "Antártica", "Pacific",
    "Pacífico", "Atlantic", "Atlántico", "Atlântico", "Mediterranean", "Mediterráneo",
    "Mediterrâneo", "Black Sea", "Mar Negro", "Red Sea", "Mar Rojo", "Mar Vermelho", "Baltic Sea",
    "Caribbean Sea", "Mar Caribe", "Gulf of Mexico", "Golfo de México", "Strait of Hormuz",
    "Estrecho de Ormuz", "Estreito de Ormuz", "Panama Canal", "Canal de Panamá", "Suez Canal",
    "Canal de Suez", "Río de la Plata", "Rio de la Plata", "Global South", "Sur Global",
    "Sul Global", "Rusia", "Rússia", "Siria", "Síria", "Holanda", "Países Bajos", "Países Baixos",
    "Turquía", "Chequia", "República Checa", "Vietnã", "Moldavia", "Bolívia",
)

# Towns named after a common word: as a whole tag the word is meant, not the town. The
# organisation and topic words of `tag_words` ("Summit", "Police", "Bank") count as such too.
NOT_PLACES = frozenset(tag_key(w) for w in (
    "Independence", "Liberty", "Mobile", "Paradise", "Union", "Progress", "Progreso", "Concord",
    "Harmony", "Enterprise", "Commerce", "Industry", "Justice", "Opportunity", "Security",
    "Energy", "Freedom", "Democracia", "Libertad", "Liberdade", "Esperanza", "Esperança", "Hope",
    "Unity", "Victory", "Triumph", "Reform", "Reforma", "Pride", "Constitución", "Constitution",
    "Independencia", "Revolución", "Trabajo", "Paz", "Ramadan", "Marathon", "Cine",
))

# Subdivisions that are only a compass point or a generic word (Ghana's "Central", Zambia's
# "Western"): as a whole tag they mean the word.
GENERIC_SUBDIVISIONS = frozenset(
    "north south east west northern southern eastern western central centre center capital "
    "coast islands lakes upper lower federal greater north east north west south east south west "
    "northeast northwest southeast southwest midlands highlands".split()
)

# Given names frequent in Latin American and world news that the 2008 list lacks.
EXTRA_GIVEN_NAMES = (
    "Abiy", "Bartolina", "Delcy", "Dilma", "Diosdado", "Evo", "Jacinda", "Jovenel", "Kassym",
    "Lenín", "Luiz", "Nayib", "Narendra", "Ollanta", "Rishi", "Tabaré", "Tareck", "Thabo", "Túpac",
    "Tupac", "Uhuru", "Yamandú", "Yoweri",
)

# Entries of the list that, heading a tag, are nearly always the ordinary word (or a title,
# handled apart): "Free Trade", "Red Cross", "San José", "Santa Cruz", "Art Biennial".
NOT_GIVEN_NAMES = frozenset(
    "in san santa free red green black white golden royal holy grand art star sun moon earth peace "
    "justice liberty hope faith victory unity major general king queen prince princess duke lord "
    "lady saint mother father sister brother may june august april summer autumn winter spring "
    "christmas easter sunday rock jazz young rich will the new me we la el le del de da".split()
)

# Romanised Korean and Cantonese family names, which Faker gives only in their own scripts; with
# Faker's Mandarin, Taiwanese and Vietnamese ones they mark names written family name first
# ("Park Ji-won", "Leung Chun-ying").
FAMILY_FIRST_NAMES = (
    "Kim", "Lee", "Yi", "Rhee", "Park", "Pak", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang",
    "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang", "Lim", "Im", "Han", "Oh", "Seo", "Suh", "Shin",
    "Kwon", "Hwang", "Ahn", "Yoo", "Ryu", "Hong", "Jeon", "Chun", "Ko", "Koh", "Moon", "Yang",
    "Son", "Sohn", "Bae", "Baek", "Paik", "Heo", "Nam", "Noh", "Roh", "Kwak", "Sung", "Cha", "Joo",
    "Woo", "Min", "Yeo", "Byun", "Chan", "Wong", "Leung", "Cheung", "Lau", "Ng", "Ho", "Lam",
    "Tsang", "Chow", "Tam", "Yeung", "Fung", "Kwok", "Tang", "Lai", "Mak", "Siu", "Yip", "Cheng",
    "Kwan", "Poon", "Tse", "Au", "Tsui", "Lo", "Szeto", "Chiu", "Luk", "Wai", "Yuen", "Leong",
)
# Family names that are also common English words, so a tag starting with one is often not a
# name ("Long March", "Sun Belt", "Song Contest"); they still count after a known given name.
NOT_FAMILY_FIRST = frozenset(
    "an i he long song pan tan sun wan fan man moon oh ha ding dong hung pi ti tu ye ni mu ou so "
    "son jo nam min chan lo im".split()
)

# Words naming a subdivision's type that ISO 3166-2 writes after the name and news leave out
# ("Guangdong Sheng" is Guangdong).
SUBDIVISION_TYPE_WORDS = frozenset(
    "sheng shi zizhiqu zhuangzu huizu uygur sar oblast oblast' kray krai okrug".split()
)
