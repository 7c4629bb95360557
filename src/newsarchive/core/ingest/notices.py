"""Notices a site wraps around an article: consent banners, paywall meters, promotions of itself."""

from __future__ import annotations

import re

from newsarchive.core.ingest.lines import first_word

# A consent banner speaks to the reader about cookies, their data and the site's partners; an
# article that reports on cookies speaks about others. Both a topic and an address are needed.
_CONSENT_TOPIC = re.compile(
    r"\bcookies?\b|\bpartners\b|\bsocios\b|\bparceiros\b|privacy|privacidad|privacidade|"
    r"personal data|datos personales|dados pessoais|\bconsent|consentimiento|consentimento"
)
_READER_ADDRESSED = re.compile(
    r"\b(?:we|our|us|you|your|utilizamos|usamos|nuestr[oa]s?|tus?|puedes|aceptas|usted|"
    r"você|voce|seus?|suas?|nós|nossos?|nossas?)\b|this (?:web)?site|este sitio|sitio web|este site"
)
# A meter counts the reader's free articles or asks them to subscribe to read on.
_METER = re.compile(
    r"\bfree (?:articles?|stories|story)\b|\barticles? (?:remaining|left)\b|already a subscriber|"
    r"\bsubscribe now\b|unlimited (?:digital )?access|art[ií]culos? (?:gratis|gratuitos?)|"
    r"ya (?:eres|sos) suscriptor|j[aá] [ée] assinante|acesso ilimitado|mat[ée]rias? gratuitas?|"
    r"not[ai]s? gratis|para seguir leyendo|para continuar lendo|to continue reading"
)
# The buttons under a banner.
_BUTTON = re.compile(
    r"^(?:(?:accept|reject|decline|refuse|allow|deny|agree|i agree|manage|customi[sz]e|aceptar|rechazar|"
    r"configurar|aceitar|rejeitar|recusar|gerenciar|personalizar|permitir)(?:\s+\w+){0,2}|"
    r"(?:cookie|privacy)\s+(?:settings|preferences|policy)|ok|okay|got it|continue|close|cerrar|fechar|"
    r"learn more|more info(?:rmation)?|más información|mais informações|saiba mais|log in|sign in|"
    r"iniciar sesión|entrar|subscribe|suscríbete|assine)[.!]?$",
    re.IGNORECASE,
)
# The site asking to be followed, subscribed to or read more of, in the text or after it.
_PROMOTION = re.compile(
    r"^(?:(?:follow|siga|sigue|s[ií]guenos|segue|sigan)\b.{0,80}?\b(?:instagram|facebook|twitter|"
    r"whatsapp|telegram|tiktok|youtube|threads|google news|linkedin|bluesky)\b"
    r"|(?:veja|vea|mira|see|read|leia|lea|lee)\s+(?:mais|más|more|todas?\s+(?:as|las)|all)\s+"
    r"(?:not[ií]cias|noticias|news|stories|art[ií]culos|artigos)\b"
    r"|(?:thanks|thank\s+you)\s+for\s+reading\b|gracias\s+por\s+leer\b|obrigad[oa]\s+por\s+ler\b"
    r"|(?:get|receive|receba|recibe|reciba)\b.{0,80}\b(?:inbox|newsletter|bolet[ií]n|whatsapp|e-?mail)\b)",
    re.IGNORECASE,
)
PROMOTION_FIRST_WORDS = frozenset(
    "follow siga sigue síguenos siguenos segue sigan veja vea mira see read leia lea lee thanks "
    "thank gracias obrigado obrigada get receive receba recibe reciba".split()
)
_MAX_NOTICE = 900
_MAX_PROMOTION = 200


def is_banner_text(text: str) -> bool:
    """A consent banner's heading or text, or a paywall meter's message."""
    if len(text) > _MAX_NOTICE:
        return False
    lower = text.lower()
    if not (
        "cookie" in lower or "privac" in lower or "partner" in lower or "consent" in lower
        or "socios" in lower or "parceiros" in lower or "person" in lower or "free" in lower
        or "subscri" in lower or "suscri" in lower or "assinante" in lower or "grat" in lower
        or "ilimitado" in lower or "continu" in lower or "seguir" in lower
    ):
        return False
    return bool(
        (_CONSENT_TOPIC.search(lower) and _READER_ADDRESSED.search(lower)) or _METER.search(lower)
    )


def is_banner_button(text: str) -> bool:
    return len(text) <= 40 and bool(_BUTTON.match(text))


def is_promotion(text: str) -> bool:
    """`Siga o Portal no Instagram`, `Veja mais notícias…`, `Thanks for reading X! Subscribe…`."""
    return (
        len(text) <= _MAX_PROMOTION
        and first_word(text) in PROMOTION_FIRST_WORDS
        and bool(_PROMOTION.match(text))
    )


# What a site puts in place of an article it cannot show (the page was moved, removed or never
# was): as its headline...
_ERROR_HEADLINE = re.compile(
    r"\berror\s+404\b|\b404\b.{0,3}\b(?:error|not\s+found|page)\b|^\s*404\s*$|"
    r"\b(?:page|article|story|content|file)\s+(?:was\s+)?not\s+found\b|"
    r"\b(?:page|article|story|content)\s+(?:is\s+)?(?:no\s+longer\s+available|unavailable|not\s+available)\b|"
    r"\bp[aá]gina\s+no\s+(?:encontrada|existe|disponible|est[aá]\s+disponible)\b|"
    r"\bp[aá]gina\s+n[aã]o\s+(?:encontrada|existe|est[aá]\s+dispon[ií]vel|dispon[ií]vel)\b|"
    r"\b(?:noticia|not[ií]cia|art[ií]culo|artigo|contenido|conte[uú]do)\s+n[aã]?o\s+(?:encontrad[oa]|disponible|dispon[ií]vel)\b",
    re.IGNORECASE,
)
# ...or as its text, addressed to the reader looking for the page (an article about broken links
# speaks of error pages without addressing anyone).
_ERROR_APOLOGY = re.compile(
    r"\b(?:page|article|story)\s+you\s+(?:are|were|'re)\s+looking\s+for\b|"
    r"\b(?:page|article|story)\s+you\s+requested\b|"
    r"\bla\s+p[aá]gina\s+que\s+(?:buscas|busca|est[aá]s?\s+buscando|solicitaste)\b|"
    r"\bno\s+(?:hemos\s+podido\s+encontrar|encontramos|pudimos\s+encontrar)\s+la\s+p[aá]gina\b|"
    r"\ba\s+p[aá]gina\s+que\s+(?:voc[eê]\s+)?(?:procura|est[aá]\s+procurando|buscou)\b|"
    r"\bn[aã]o\s+(?:foi\s+poss[ií]vel\s+encontrar|encontramos|conseguimos\s+encontrar)\s+a\s+p[aá]gina\b",
    re.IGNORECASE,
)
# An article says more than this; an error page says little besides its apology.
_ERROR_PAGE_MAX_CHARS = 400
# "Page not found", "Error 404 - Página no encontrada": an error page's headline is short.
_ERROR_HEADLINE_WORDS = 6


def is_error_page(title: str, text: str) -> bool:
    """A "page not found" page, in en/es/pt: its headline says so, or its short text apologises to
    the reader looking for the page; either way with little text besides."""
    if len(text) > _ERROR_PAGE_MAX_CHARS:
        return False
    short_headline = len(title.split()) <= _ERROR_HEADLINE_WORDS  # not a headline on the subject
    return bool((short_headline and _ERROR_HEADLINE.search(title)) or _ERROR_APOLOGY.search(text))
