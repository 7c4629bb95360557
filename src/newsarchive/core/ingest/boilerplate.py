"""What on a saved page is the site's furniture rather than the article: menus, share bars, widgets."""

from __future__ import annotations

import re

from newsarchive.core.ingest.lines import first_word

# Short lines that are navigation, share buttons, labels or widget text wherever they appear.
# Compared case-insensitively, without trailing colons.
_FURNITURE = frozenset(
    """
    live|audio only|google plus|google+|facebook|twitter|x|instagram|youtube|telegram|whatsapp|
    linkedin|pinterest|reddit|tiktok|email|e-mail|print|share|share this|share on google +|
    share on facebook|share on twitter|share on whatsapp|share on telegram|tweet|copy link|
    display search|search|menu|skip to content|skip to main content|support us|donate|subscribe|
    sign in|log in|login|register|home|inicio|portada|início|about|about us|contact|contact us|
    privacy policy|terms of use|cookie policy|newsletter|related videos|videos|watch live|podcasts|
    load more|ver más|cargar más|read more|leer más|leia mais|more|next|previous|back to top|
    advertisement|publicidad|publicidade|sponsored|listen|listen to this article|font size|
    reply|responder|like this|loading...|related|related articles|related posts|more news|
    trending|most read|latest news|latest|breaking news|top stories|english|español|français|
    português|deutsch|العربية|русский|中文|multimedia|in pictures|gallery|photos|
    news|opinion|analysis|in depth|in-depth|blog|politics|economy|culture|sport|sports|world|
    latin america|middle east|north africa|africa|asia|europe|americas|region|regions|
    north america|south america|caribbean|business|science|technology|health|environment|
    interviews|features|spotlight|local|national|international|internacional|mundo|noticias|
    economía|cultura|deportes|política|opinión|américa latina|
    view all|see all|all news|more stories|follow us|siguenos|síguenos|app|apps|
    close|close menu|close panel|close window|more menu|show more|sign out|log out|your account|
    my account|my news|accessibility help|skip to navigation|skip to main navigation|share page|
    share this post|share this article|about sharing|reuse this content|print this page|
    view comments|continue reading|current issue|give a gift|newsletters|e-edition|site index|
    browse|get the app|start writing|post comment|notes|restacks|top|terms|privacy|
    terms of service|terms and conditions|terms & conditions|accept all|reject all|
    manage preferences|learn more|listen now|enlarge|toggle caption|hide caption|
    menú|buscar|cerrar|suscribite|suscribirse|ingresar|iniciar sesión|cerrar sesión|registrarse|
    secciones|escuchar|escuchar nota|escuchar noticia|ver comentarios|comentar|hemeroteca|
    aviso legal|política de privacidad|política de cookies|más información|imprimir|
    versión para imprimir|pesquisar|entrar|assine|assinar|sair|compartilhar|ouvir|ouça|
    ouvir notícia|versão para impressão|ver comentários|termos de uso|política de privacidade|
    saiba mais|fechar|pular para o conteúdo|pular para o conteúdo principal|ir al contenido|
    ir al contenido principal|saltar al contenido|back to home|back to homepage|volver a portada|
    volver al inicio|volver arriba|voltar ao topo|voltar ao início|voltar para o início|
    email this story|email this article|e-mail this story|print this story|print this article
    """.replace("\n", "")
    .replace("    ", "")
    .split("|")
)

# Section names a site prints as a lone label above a headline.
SECTION_LABELS = frozenset(
    """
    news|opinion|analysis|in depth|in-depth|blog|politics|economy|culture|sport|sports|world|local|
    latin america|middle east|africa|asia|europe|americas|business|science|technology|health|
    environment|interviews|features|spotlight|multimedia|noticias|opinión|economía|cultura|
    deportes|mundo|internacional|política|brasil|américa latina|sociedad|ciencia|tecnología|salud|
    economia|esportes|saúde|educação|educación|ciência|tecnologia
    """.replace("\n", "")
    .replace("    ", "")
    .split("|")
)

_FURNITURE_PATTERNS = re.compile(
    r"""^(?:
        (?:\S+\s){0,4}logo                          # logo alt text
      | (?:\S+\s){0,3}flag                          # flag alt text
      | -?\d{1,2}\s*°\s*[CF]?(?:\s+\S+){0,3}        # weather: 23°C Clear
      | (?:/+\s*)+                                  # // // //
      | [_=*~-]{3,}                                 # a rule: ___
      | (?=[\d:\s]{4,}$)[\d\s]*:[\d:\s]*             # player residue: 00:0000:00
      | \+\s*↺\s*[−-].*                             # font-size widget: + ↺ − 16 px
      | A\s*[-+]?\s*A\s*[-+]?(?:\s*A)?              # font-size widget: A- A+
      | ©.*|copyright\b.*|all\ rights\ reserved.*   # copyright line
      | (?:photo|video|image)s?\s*\d+\s*(?:/|of)\s*\d+
      | (?:share|compartir|compartilhe)\b.{0,40}
      | follow\ us\ on\b.{0,60}|síguenos\ en\b.{0,60}
      | (?:download|get|install)\ (?:our|the)\ app\b.*|descarga\ nuestra\ app.*
      | (?:subscribe|sign\ up)\ (?:to|for)\ (?:our|the)\ newsletter.*|suscríbete\b.*
      | \d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:min(?:ute)?s?|minutos?)\.?
        (?:\s+(?:read|reading|listen|de\ lectura|de\ leitura|de\ leitura))?  # reading time: 4 min read
      | (?:reading\ time|estimated\ reading\ time|tiempo\ de\ lectura|tempo\ de\ leitura|lectura|leitura)
        \s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?|minutos?)\.?
      | (?:view|read)\ (?:this\ email\ )?in\ (?:your|a)\ browser.*|ver\ (?:en|no)\ navegador.*
      | scroll\ (?:down\ )?to\ continue\b.{0,30}                      # in-text ad widgets
      | contin[uú]a\ (?:ap[oó]s|depois\ d[ae]|despu[eé]s\ de)\ (?:la\ |a\ )?publicidad[e]?
      | (?:view|ver)\ (?:the\ )?(?:non-amp|full|versi[oó]n\ completa|vers[aã]o\ completa)\b.{0,20}
      | (?:search|buscar|pesquisar)(?:\ \S+)?\s*:?                      # search WPB, Search for:
      | (?:subscribe|suscr[ií]bete|suscribite|assine)(?:\ (?:now|for|to|today|ahora|ya|j[aá])\b.{0,30})?
      | edici[oó]n\ \w+(?:\ \w+)?                                  # edición América
      | \d{1,6}\ (?:likes?|restacks?|shares?|me\ gusta|curtidas|reacciones|reactions)
      | (?:photo|image|video)s?\ (?:\d+\ )?of\ \d+
      | (?:purchase|acquire)\ licensing\ rights\b.{0,20}
      | conforme\ a\ los\ criterios\ de\b.{0,40}|learn\ more\ about\ the\ trust\ project.{0,20}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# What the patterns above can start with: a gate that spares most lines the alternation.
_PATTERN_FIRST_CHARS = frozenset("0123456789-/+©Aa_=*~")
_PATTERN_FIRST_WORDS = frozenset(
    "photo photos video videos image images share compartir compartilhe follow síguenos download "
    "get install descarga subscribe sign suscríbete copyright all reading estimated tiempo tempo "
    "lectura leitura view read ver scroll continua continúa search buscar pesquisar suscribite "
    "suscríbete assine edición edicion purchase acquire conforme learn".split()
)
# The first words (see `lines.first_word`) of the label, tail and stop patterns below.
TAIL_FIRST_WORDS = frozenset(
    "source sources fuente fuentes fonte fontes with con com this read see leer leia website "
    "download get the las * ( edição edición editing editor our printed print you unsubscribe este esta "
    "nuestros nossos "
    "forwarded originally first republished reproduced copyright ©".split()
)
BREAKING_FIRST_WORDS = frozenset("breaking última último urgente".split())
AI_SUMMARY_FIRST_WORDS = frozenset("ai ai-generated summary key resumen resumo".split())
TAIL_STOP_FIRST_WORDS = frozenset(
    "headlines more you recommended te también veja most trending latest read lo los lo mais "
    "más top popular today hoy hoje".split()
)

# Site notices recognised by a phrase anywhere in the line (searched in the lower-cased line: a
# `.*` in front of each alternative of the pattern above would cost a scan per alternative).
_NOTICE = re.compile(
    r"we use cookies|cookies? policy|accept (?:all )?cookies|independent journalism|all rights reserved"
)

# `UK edition`, `April 2024 Issue`: which edition or issue of the site or magazine this is.
_EDITION = re.compile(
    r"^(?:[\w-]+\ ){0,2}edition|(?:[^\W\d_]+\ )?(?:(?:19|20)\d{2}\ )?(?:print\ )?issue$", re.IGNORECASE
)
_COPYRIGHT_ANYWHERE = re.compile(
    r"©\s*(?:19|20)\d{2}|(?:19|20)\d{2}\s*©|\b(?:all rights reserved|tod[oa]s (?:los|os) derechos reservados|"
    r"derechos reservados|tod[oa]s os direitos reservados|direitos reservados)\b",
    re.IGNORECASE,
)

_BREAKING = re.compile(r"^(?:breaking(?: news)?|últim[oa] hora|urgente)\s*:?$", re.IGNORECASE)

_AI_SUMMARY = re.compile(
    r"^(?:ai[- ]generated summary|ai summary|summary by ai|summary generated by ai|"
    r"key points?|resumen (?:generado )?(?:con|por) ia|resumo (?:gerado )?por ia)\s*:?$",
    re.IGNORECASE,
)
_AI_DISCLAIMER = re.compile(
    r"\b(?:generated|produced|written|created) (?:automatically|by (?:an )?(?:ai|artificial intelligence))\b"
    r"|\bautomatically\b.*\b(?:errors|mistakes)\b|\binteligencia artificial\b",
    re.IGNORECASE,
)

# Lines after the article that belong to the site: attribution, promotion, author boxes.
_TAIL_FURNITURE = re.compile(
    r"""^(?:
        (?:sources?|fuentes?|fontes?)\s*:.{0,80}
      | (?:with\ information\ from|con\ información\ de|com\ informações\ de)\b.{0,80}
      | this\ (?:story|article)\ was\ (?:first\ |originally\ )?published\b.*
      | this\ (?:story|article)\ (?:appears|appeared|ran)\ in\b.{0,40}\b(?:print|edition|issue)\b.*
      | (?:este|esta)\ (?:art[ií]culo|nota|artigo|reportagem|mat[ée]ria)
        \ (?:apareci[oó]|se\ public[oó]|foi\ publicad[oa]|saiu)\b.{0,40}\b(?:impres[ao]|papel)\b.*
      | (?:read|see)\ (?:more|also|the\ original)\b.{0,10}https?://\S+
      | (?:read\ more|leer\ más|leia\ mais)\b.{0,120}
      | website\s*\|\s*\+\s*posts
      | (?:download|get)\ (?:our|the)\ app\b.*
      | the\ views\ expressed\ .*|las\ opiniones\ expresadas\ .*
      | \*[^\W\d_].{0,200}                          # an author footnote (`*Periodista de EFE`)
      | \((?:reporting|additional\ reporting|writing|editing|compiled)\ by\b[^()]{0,200}\)  # wire credits
      | (?:edição|edición|editing\ by|edited\ by|editor)\s*:?\s.{1,80}
      | our\ standards\b.{0,80}|nuestros\ (?:est[aá]ndares|principios)\b.{0,80}
      | nossos\ (?:padr[oõ]es|princ[ií]pios)\b.{0,80}
      | print(?:ed)?\ (?:from|this\ page)\b.{0,200}
      | you\ (?:are\ )?receiv(?:ed|ing)\ this\ (?:email|newsletter)\b.*
      | unsubscribe\b.{0,80}|forwarded\ this\ email\b.{0,60}
      | read\ the\ full\ (?:story|article)\b.{0,60}
      | (?:originally|first)\ published\b.{0,120}|(?:republished|reproduced)\ (?:from|with)\b.{0,120}
      | .{0,80}\bcontributed\ (?:to\ this\ (?:report|story|article)|reporting)\b.{0,80}
      | (?:colaboró|colaboraron|colaborou|colaboraram|con\ la\ colaboración\ de)\b.{0,120}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_AUTHOR_BOX = re.compile(r"^website\s*\|\s*\+\s*posts$", re.IGNORECASE)

# After one of these, the rest of the page is the site's (country lists, more headlines).
_TAIL_STOP = re.compile(
    r"^(?:headlines by country|more from\b.{0,40}|you may (?:also )?(?:like|be interested in)\b.*|"
    r"recommended(?: for you)?|te puede interesar|también te puede interesar|veja também|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|stories)|read next|"
    r"top stories|popular(?: (?:now|stories|today))?|lo más (?:leído|visto|popular)|"
    r"los más (?:leídos|vistos)|"
    r"(?:today|hoy|hoje)\s+(?:in|en|em|no|na)\s+(?-i:[A-ZÀ-Þ])[\w'’-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2}|"
    r"mais (?:lidas|lidos|vistas|vistos)|más noticias|mais notícias)\s*:?$",
    re.IGNORECASE,
)
# Lines naming where an article comes from: `Source: Outlet`, `This story was first published by Outlet`.
_ATTRIBUTION = re.compile(
    r"^(?:(?:sources?|fuentes?|fontes?)\s*:\s*"
    r"|(?:this\s+(?:story|article)\s+(?:was\s+)?)?(?:first\s+|originally\s+)?(?:published|appeared)\s+"
    r"(?:first\s+|originally\s+)?(?:by|in|on|at)\s+"
    r"|(?:republished|reproduced)\s+(?:from|with\s+permission\s+(?:of|from))\s+)"
    r"(?P<outlet>[^,;:()]{2,60}?)\s*(?:[.,;]|\s+(?:on|at|and)\s.*|\s+https?://\S+)?$",
    re.IGNORECASE,
)

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def _key(text: str) -> str:
    return text.rstrip(":").strip().casefold()


def is_furniture(text: str) -> bool:
    """Navigation, share bars, widget residue, alt text: never article text, wherever it stands."""
    if len(text) <= 40 and _key(text) in _FURNITURE:
        return True
    if len(text) > 200:
        return False
    if len(text) <= 80 and _may_match_patterns(text) and _FURNITURE_PATTERNS.match(text):
        return True
    if len(text) <= 30 and text[-5:].lower() in ("ition", "issue") and _EDITION.match(text):
        return True
    if len(text) <= 4 and not any(ch.isalnum() for ch in text):
        return True  # `∙`, `☰`, `|`: separators and icons
    # Substring gates first: the notice pattern is only worth running on a few lines per page.
    if "ookie" in text or "ournalism" in text or "eserv" in text or "©" in text:
        return is_copyright(text) or bool(_NOTICE.search(text.lower()))
    return False


def is_copyright(text: str) -> bool:
    """`© 2024 Outlet Ltd. All rights reserved.`, `Outlet © 2024`, `Outlet Derechos reservados`."""
    if len(text) > 200:
        return False
    lower = text[:12].lower()
    if lower.startswith(("©", "copyright", "(c) ")):
        return True
    return bool(_COPYRIGHT_ANYWHERE.search(text))


def _may_match_patterns(text: str) -> bool:
    if text[0] in _PATTERN_FIRST_CHARS or text[-4:].lower() in ("logo", "flag"):
        return True
    return first_word(text) in _PATTERN_FIRST_WORDS


def is_section_label(text: str) -> bool:
    return len(text) <= 30 and _key(text) in SECTION_LABELS


def is_breaking_label(text: str) -> bool:
    return (
        len(text) <= 20 and first_word(text) in BREAKING_FIRST_WORDS and bool(_BREAKING.match(text))
    )


def is_ai_summary_label(text: str) -> bool:
    return (
        len(text) <= 40
        and first_word(text) in AI_SUMMARY_FIRST_WORDS
        and bool(_AI_SUMMARY.match(text))
    )


def is_ai_disclaimer(text: str) -> bool:
    return len(text) <= 200 and bool(_AI_DISCLAIMER.search(text))


def is_tail_furniture(text: str) -> bool:
    """Attribution, promotion and author-box lines that follow an article."""
    if len(text) > 300:
        return False
    if first_word(text) in TAIL_FIRST_WORDS and _TAIL_FURNITURE.match(text):
        return True
    if "contributed" in text or "colabor" in text:
        return bool(_TAIL_FURNITURE.match(text))
    return len(text) <= 120 and "ewsletter" in text


def attributed_outlet(text: str) -> str | None:
    """The outlet a tail line names as the article's origin (`Source: Outlet`), else None."""
    if len(text) > 200:
        return None
    match = _ATTRIBUTION.match(text)
    if not match:
        return None
    outlet = match.group("outlet").strip()
    return outlet if outlet[:1].isupper() or "." in outlet else None


def is_author_box(text: str) -> bool:
    return len(text) <= 30 and bool(_AUTHOR_BOX.match(text))


def is_tail_stop(text: str) -> bool:
    return (
        len(text) <= 60
        and first_word(text) in TAIL_STOP_FIRST_WORDS
        and bool(_TAIL_STOP.match(text))
    )


def is_url(text: str) -> bool:
    return len(text) <= 400 and text[:4].lower() in ("http", "www.") and bool(_URL.match(text))
