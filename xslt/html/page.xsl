<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/page.xsl: the frame of every page of the site (fp:page: head,
  header and navigation, main, footer) and a document's page
  (fp:document-page, whose content is html/document.xsl's). Included by
  html.xsl (a document's page) and corpus.xsl (the edition-wide pages).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:output name="fp:html" method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Headings of the register pages (the navigation of every page names them). -->
  <xsl:variable name="fp:register-titles" as="map(xs:string, xs:string)"
    select="map { 'persons': 'Persons', 'places': 'Places', 'orgs': 'Organisations' }"/>

  <!-- The Content-Security-Policy of every page: nothing but the site's own stylesheet. -->
  <xsl:variable name="fp:csp" as="xs:string"
    select="&quot;default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'&quot;"/>


  <!--
    The page of the document (the context item). What the citation, the meta
    tags, the JSON-LD and the card need is worked out here, once per
    document, and handed to the article (html/document.xsl) as parameters.
  -->
  <xsl:template name="fp:document-page" as="element()">
    <xsl:variable name="tei" as="element()" select="."/>
    <xsl:variable name="file" as="xs:string" select="f:doc-file($tei)"/>
    <xsl:variable name="title" as="xs:string" select="f:doc-title($tei)"/>
    <xsl:variable name="number" as="xs:string?" select="f:doc-number-label($tei)"/>
    <xsl:variable name="page-title" as="xs:string" select="concat(if (exists($number)) then concat($number, '. ') else '', $title)"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
    <xsl:variable name="senders" as="xs:string*" select="f:corresp-agents($main, 'sent')/f:name-string(.)[. != '']"/>
    <xsl:variable name="recipients" as="xs:string*" select="f:corresp-agents($main, 'received')/f:name-string(.)[. != '']"/>
    <xsl:variable name="dated" as="element()?" select="f:doc-date-attributes($tei)"/>
    <!-- The day the document is dated, when it has one ('1920-03-21'); a range gives none. -->
    <xsl:variable name="when" as="xs:string?" select="normalize-space($dated/@when)[. != '']"/>
    <xsl:variable name="date-words" as="xs:string?" select="f:date-attribute-label($dated)"/>
    <xsl:variable name="url" as="xs:string" select="if ($base-url != '') then f:absolute-url($base-url, concat($file, '.html')) else ''"/>
    <xsl:variable name="lang" as="xs:string?" select="f:text-lang($tei)"/>
    <xsl:variable name="facts" as="map(*)" select="map {
        'file': $file, 'title': $title, 'number': $number, 'main': $main, 'lang': $lang,
        'date-words': $date-words, 'url': $url,
        'page': normalize-space(($tei/teiHeader/fileDesc/sourceDesc//biblScope[@unit = ('page', 'pp')])[1])[. != '']
      }"/>
    <xsl:call-template name="fp:page">
      <xsl:with-param name="title" select="concat($page-title, ' — ', $f:edition-title)"/>
      <xsl:with-param name="current" select="'document'"/>
      <xsl:with-param name="scripts" select="'assets/reading-switch.js'"/>
      <xsl:with-param name="head" as="node()*">
        <xsl:sequence select="fp:citation-meta($title, $senders, $when, $url, $lang, $facts('page'))"/>
        <script type="application/ld+json">
          <xsl:value-of select="fp:json-ld($title, $senders, $recipients, $when, $url, $lang, f:doc-number($tei))"/>
        </script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <xsl:apply-templates select="." mode="m:html-document">
          <xsl:with-param name="facts" select="$facts"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The editors' names and the printed collection (parameters from src/site/citation.ts). -->
  <xsl:variable name="fp:citation-editors" as="xs:string*" select="tokenize($citation-editors, '; ')[normalize-space(.) != '']"/>
  <xsl:variable name="fp:collection" as="xs:string*" select="tokenize($citation-collection, '&#9;')"/>

  <!--
    Highwire Press meta tags (citation_*), which Zotero and Google Scholar
    read: the document as a part of the edition, its senders as authors.
  -->
  <xsl:function name="fp:citation-meta" as="element()*">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="senders" as="xs:string*"/>
    <xsl:param name="when" as="xs:string?"/>
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:param name="page" as="xs:string?"/>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$senders">
      <meta name="citation_author" content="{.}"/>
    </xsl:for-each>
    <xsl:if test="exists($when)">
      <meta name="citation_date" content="{$when}"/>
    </xsl:if>
    <meta name="citation_book_title" content="{$f:edition-title}"/>
    <xsl:for-each select="$fp:citation-editors">
      <meta name="citation_editor" content="{.}"/>
    </xsl:for-each>
    <xsl:if test="$f:version != ''">
      <meta name="citation_edition" content="{$f:version}"/>
    </xsl:if>
    <xsl:if test="exists($page)">
      <meta name="citation_firstpage" content="{$page}"/>
    </xsl:if>
    <xsl:if test="exists($lang)">
      <meta name="citation_language" content="{$lang}"/>
    </xsl:if>
    <xsl:if test="$url != ''">
      <meta name="citation_public_url" content="{$url}"/>
    </xsl:if>
  </xsl:function>

  <!--
    schema.org JSON-LD for a letter: a Message with sender, recipient and date. A data
    block, never run; every '<' is written \u003c, so no '</script>' can end it early.
  -->
  <xsl:function name="fp:json-ld" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="senders" as="xs:string*"/>
    <xsl:param name="recipients" as="xs:string*"/>
    <xsl:param name="when" as="xs:string?"/>
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:param name="number" as="xs:string?"/>
    <xsl:variable name="members" as="xs:string*" select="(
        '&quot;@context&quot;:&quot;https://schema.org&quot;',
        '&quot;@type&quot;:&quot;Message&quot;',
        concat('&quot;name&quot;:', fp:json-data-string($title)),
        if (exists($senders)) then concat('&quot;sender&quot;:', fp:json-persons($senders)) else (),
        if (exists($recipients)) then concat('&quot;recipient&quot;:', fp:json-persons($recipients)) else (),
        if (exists($when)) then concat('&quot;dateSent&quot;:', fp:json-data-string($when)) else (),
        if (exists($lang)) then concat('&quot;inLanguage&quot;:', fp:json-data-string($lang)) else (),
        if (exists($number)) then concat('&quot;position&quot;:', fp:json-data-string($number)) else (),
        if ($url != '') then concat('&quot;url&quot;:', fp:json-data-string($url)) else (),
        concat('&quot;isPartOf&quot;:{&quot;@type&quot;:&quot;Collection&quot;,&quot;name&quot;:', fp:json-data-string($f:edition-title),
               if ($f:version != '') then concat(',&quot;version&quot;:', fp:json-data-string($f:version)) else '',
               if (exists($fp:citation-editors)) then concat(',&quot;editor&quot;:', fp:json-persons($fp:citation-editors)) else '', '}')
      )"/>
    <xsl:sequence select="concat('{', string-join($members, ','), '}')"/>
  </xsl:function>

  <xsl:function name="fp:json-persons" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="concat('[', string-join(for $n in $names return concat('{&quot;@type&quot;:&quot;Person&quot;,&quot;name&quot;:', fp:json-data-string($n), '}'), ','), ']')"/>
  </xsl:function>

  <!-- A JSON string: backslash, quotation mark and control characters escaped, and '<' as \u003c. -->
  <xsl:function name="fp:json-data-string" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="concat('&quot;',
        replace(replace(replace(replace(normalize-space($s), '\\', '\\\\'), '&quot;', '\\&quot;'), '&lt;', '\\u003c'), '&gt;', '\\u003e'),
        '&quot;')"/>
  </xsl:function>

  <!-- The frame of every page around its main content. -->
  <xsl:template name="fp:page" as="element()">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <!-- Script files (relative to the site root) the page loads, in order, deferred. -->
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <!-- More of the head: a document page's citation meta tags and JSON-LD data block. -->
    <xsl:param name="head" as="node()*" select="()"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy" content="{$fp:csp}"/>
        <meta name="referrer" content="no-referrer"/>
        <title><xsl:value-of select="$title"/></title>
        <xsl:sequence select="$head"/>
        <link rel="stylesheet" href="{$root}assets/edition.css"/>
        <xsl:for-each select="$scripts">
          <script src="{$root}{.}" defer="defer"></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
          <p class="site-title"><a href="{$root}index.html"><xsl:value-of select="$f:edition-title"/></a></p>
          <nav class="site-nav" aria-label="Edition">
            <ul>
              <xsl:for-each select="('index', 'persons', 'places', 'orgs', 'search', 'about')">
                <li>
                  <a href="{$root}{.}.html">
                    <xsl:if test=". = $current and $root = ''">
                      <xsl:attribute name="aria-current" select="'page'"/>
                    </xsl:if>
                    <xsl:value-of select="if (. = 'index') then 'Documents' else if (. = 'about') then 'About'
                                          else if (. = 'search') then 'Search'
                                          else $fp:register-titles(.)"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:value-of select="$f:edition-title"/>
            <xsl:if test="$f:version != ''">
              <xsl:value-of select="concat(', version ', $f:version)"/>
            </xsl:if>
            <xsl:text>.</xsl:text>
            <xsl:if test="$f:licence-name != ''">
              <xsl:text> Licence: </xsl:text>
              <xsl:choose>
                <xsl:when test="$f:licence-url != ''">
                  <a href="{$f:licence-url}" rel="license"><xsl:value-of select="$f:licence-name"/></a>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="$f:licence-name"/>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:text>.</xsl:text>
            </xsl:if>
          </p>
          <!-- This edition's encoding reference: a foreign folder's build has none (it says nothing of someone else's TEI). -->
          <xsl:if test="not($f:foreign)">
            <p><a href="{$root}schema.html">Encoding reference for editors</a></p>
          </xsl:if>
          <xsl:if test="$generated-date != ''">
            <p>Generated <xsl:value-of select="$generated-date"/>.</p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
