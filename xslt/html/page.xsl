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
