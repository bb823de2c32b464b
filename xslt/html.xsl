<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: a TEI document to its page (docNNN.html, the principal
  result). The pages that span the edition (index.html, persons.html,
  places.html, orgs.html, persons/ID.html, places/ID.html, orgs/ID.html,
  about.html, search.html) are made by corpus.xsl, from the documents'
  summaries, with html/edition.xsl and this stylesheet's page frame.
  schema.xsl imports this stylesheet for the page frame.

  Every page: HTML5 doctype, <html lang="en">, a strict
  Content-Security-Policy, one stylesheet (assets/edition.css, which the
  build copies from xslt/assets/), no inline script (only script files of
  the site: assets/*.js and search-index.js, each page enhancing what
  works without them), no style attributes, a skip
  link, header/nav/main/footer landmarks and one h1. Links are relative, so
  the site works from file:// too.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/urls.xsl"/>
  <xsl:include href="common/names.xsl"/>
  <xsl:include href="common/dates.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/notes.xsl"/>
  <xsl:include href="common/apparatus.xsl"/>
  <xsl:include href="common/interventions.xsl"/>
  <xsl:include href="common/layout.xsl"/>
  <xsl:include href="common/plain.xsl"/>
  <xsl:include href="html/text.xsl"/>
  <xsl:include href="html/document.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
  <xsl:output name="fp:html" method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The entry: a TEI document. -->
  <xsl:mode on-no-match="shallow-skip"/>

  <!-- Headings of the register pages (the navigation of every page names them). -->
  <xsl:variable name="fp:register-titles" as="map(xs:string, xs:string)"
    select="map { 'persons': 'Persons', 'places': 'Places', 'orgs': 'Organisations' }"/>

  <!-- The Content-Security-Policy of every page: nothing but the site's own stylesheet. -->
  <xsl:variable name="fp:csp" as="xs:string"
    select="&quot;default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'&quot;"/>

  <xsl:template match="/" as="node()*">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- A TEI document, or any other root element (rendered as a document from what it holds). -->
  <xsl:template match="/*" priority="-1" as="node()*">
    <xsl:call-template name="fp:document-page"/>
  </xsl:template>

  <!-- The page of the document (the context item). -->
  <xsl:template name="fp:document-page" as="element()">
    <xsl:call-template name="fp:page">
      <xsl:with-param name="title" select="concat(f:document-page-title(.), ' — ', $f:edition-title)"/>
      <xsl:with-param name="current" select="'document'"/>
      <xsl:with-param name="scripts" select="'assets/reading-switch.js'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:apply-templates select="." mode="m:html-document"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The frame of every page around its main content. -->
  <xsl:template name="fp:page" as="element()">
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="root" as="xs:string" select="''"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <!-- Script files (relative to the site root) the page loads, in order, deferred. -->
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy" content="{$fp:csp}"/>
        <meta name="referrer" content="no-referrer"/>
        <title><xsl:value-of select="$title"/></title>
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
          <p><a href="{$root}schema.html">Encoding reference for editors</a></p>
          <xsl:if test="$generated-date != ''">
            <p>Generated <xsl:value-of select="$generated-date"/>.</p>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
