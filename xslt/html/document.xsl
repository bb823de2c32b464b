<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/document.xsl: the page of one document (docNNN.html): heading,
  reading text, notes of the source and of the editors, apparatus,
  metadata panel (correspondence, archival reference as printed, physical
  description, hands, witnesses), citation suggestion, downloads.
  Mode m:html-document: TEI element to the <article> of its page.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:mode name="m:html-document" on-no-match="shallow-skip"/>

  <!-- The page title (in <title>): 'No. 68. Telegram of … ' -->
  <xsl:function name="f:document-page-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="number" as="xs:string?" select="f:doc-number-label($tei)"/>
    <xsl:sequence select="concat(if (exists($number)) then concat($number, '. ') else '', f:doc-title($tei))"/>
  </xsl:function>

  <xsl:template match="*" mode="m:html-document" as="element()">
    <xsl:variable name="tei" as="element()" select="."/>
    <xsl:variable name="file" as="xs:string" select="f:doc-file($tei)"/>
    <xsl:variable name="doc-title" as="element()?" select="text/front/docTitle[1]"/>
    <xsl:variable name="main-title" as="element()?"
      select="($doc-title/titlePart[@type = 'main'], $doc-title/titlePart[not(@type = 'number')])[1]"/>
    <xsl:variable name="doc-date" as="element()?" select="text/front/docDate[1]"/>
    <article class="document">
      <header class="document-header">
        <xsl:if test="exists(f:doc-number-label($tei))">
          <p class="document-number">
            <xsl:value-of select="f:doc-number-label($tei)"/>
          </p>
        </xsl:if>
        <h1>
          <xsl:choose>
            <xsl:when test="$main-title">
              <xsl:apply-templates select="$main-title/node()" mode="m:html"/>
              <xsl:sequence select="fp:note-refs(($doc-title, $main-title)/f:notes-at(.), $main-title, false())"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="f:doc-title($tei)"/>
            </xsl:otherwise>
          </xsl:choose>
        </h1>
        <xsl:for-each select="$doc-title/titlePart[not(@type = 'number')][not(. is $main-title)]">
          <p class="document-subtitle">
            <xsl:apply-templates select="node()" mode="m:html"/>
          </p>
        </xsl:for-each>
        <xsl:variable name="dated" as="element()?" select="f:doc-date($tei)"/>
        <xsl:if test="exists($dated)">
          <p class="document-date">
            <xsl:sequence select="fp:time($dated, if ($doc-date) then () else f:date-text($dated))"/>
            <xsl:if test="$doc-date">
              <xsl:sequence select="fp:note-refs(f:notes-at($doc-date), $doc-date, false())"/>
            </xsl:if>
          </p>
        </xsl:if>
        <xsl:call-template name="fp:sequence-nav">
          <xsl:with-param name="related" select="count(f:main-corresp($tei)/correspContext/*)"/>
        </xsl:call-template>
      </header>

      <!-- One walk of the text with a cheap name test first (a union of eight name steps walks it eight times).
           A word broken across a line end (lb break="no") gives the views something to differ in too: its lines (edition.css). -->
      <xsl:if test="exists($tei/text//*[contains('|choice|supplied|sic|corr|abbr|expan|orig|reg|lb|', concat('|', local-name(), '|'))]
                                       [self::choice or self::supplied or self::sic or self::corr or self::abbr or self::expan or self::orig or self::reg
                                        or self::lb[@break = 'no']])">
        <xsl:call-template name="fp:view-switch"/>
      </xsl:if>

      <section class="reading-text" aria-labelledby="text-heading">
        <h2 id="text-heading">Text</h2>
        <div class="text-body">
          <!-- The page is English; the text is in its own language. -->
          <xsl:for-each select="f:text-lang($tei)">
            <xsl:attribute name="lang" select="."/>
          </xsl:for-each>
          <xsl:apply-templates select="text" mode="m:html"/>
        </div>
      </section>

      <xsl:for-each select="('source', 'editorial')">
        <xsl:variable name="notes" as="element(note)*" select="f:notes-of-kind($tei, current())"/>
        <xsl:if test="exists($notes)">
          <section class="notes notes-{current()}" aria-labelledby="notes-{current()}-heading">
            <h2 id="notes-{current()}-heading">
              <xsl:value-of select="f:notes-heading(current())"/>
            </h2>
            <!-- This edition's wording, true of its own sources only (docs/encoding.md). -->
            <xsl:if test="not($f:foreign)">
              <p class="section-note">
                <xsl:value-of select="if (current() = 'editorial')
                                      then 'Notes of this edition''s editors, numbered apart.'
                                      else 'Notes of the source, numbered as printed there.'"/>
              </p>
            </xsl:if>
            <ul class="note-list">
              <xsl:apply-templates select="$notes" mode="m:html-document"/>
            </ul>
          </section>
        </xsl:if>
      </xsl:for-each>

      <xsl:variable name="apps" as="element(app)*" select="f:doc-apps($tei)"/>
      <xsl:if test="exists($apps)">
        <section class="apparatus" aria-labelledby="apparatus-heading">
          <h2 id="apparatus-heading">Apparatus</h2>
          <ul class="apparatus-list">
            <xsl:apply-templates select="$apps" mode="m:html-document"/>
          </ul>
        </section>
      </xsl:if>

      <section class="metadata" aria-labelledby="metadata-heading">
        <h2 id="metadata-heading">About this document</h2>
        <xsl:call-template name="fp:metadata">
          <xsl:with-param name="tei" select="$tei"/>
        </xsl:call-template>
      </section>

      <section class="citation" aria-labelledby="citation-heading">
        <h2 id="citation-heading">How to cite</h2>
        <xsl:variable name="url" as="xs:string" select="f:absolute-url($base-url, concat($file, '.html'))"/>
        <p class="citation-text">
          <xsl:value-of select="concat(f:document-page-title($tei), '. In: ')"/>
          <cite><xsl:value-of select="$f:edition-title"/></cite>
          <xsl:value-of select="if ($f:version != '') then concat(', version ', $f:version, '. ') else '. '"/>
          <xsl:choose>
            <xsl:when test="$base-url != '' and f:is-safe-url($url)">
              <a href="{$url}"><xsl:value-of select="$url"/></a>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$url"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$generated-date != ''">
            <xsl:value-of select="concat(' (', $generated-date, ')')"/>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </p>
      </section>

      <section class="downloads" aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Downloads</h2>
        <ul>
          <!-- The source under its own file name, which its output name may not keep ('Brief (Kopie).xml'). -->
          <xsl:variable name="source-name" as="xs:string?"
            select="(for $k in map:keys($fp:document-bases) return if (ends-with(lower-case($k), '.xml') and $fp:document-bases($k) = $file) then $k else ())[1]"/>
          <li>
            <a href="tei/{$file}.xml" type="application/tei+xml">
              <xsl:if test="exists($source-name)">
                <xsl:attribute name="download" select="$source-name"/>
              </xsl:if>
              <xsl:text>TEI XML</xsl:text>
            </a>
            <xsl:if test="exists($source-name) and $source-name != concat($file, '.xml')">
              <xsl:value-of select="concat(' (', $source-name, ')')"/>
            </xsl:if>
          </li>
          <li><a href="text/{$file}.txt" type="text/plain">Plain text</a></li>
          <li><a href="json/{$file}.json" type="application/json">JSON</a></li>
        </ul>
      </section>
    </article>
  </xsl:template>

  <!--
    The reading/diplomatic switch: two radio inputs before the text, notes
    and apparatus (all in the same article). The stylesheet shows one side
    with article:has(#view-diplomatic:checked), so it works without
    JavaScript; assets/reading-switch.js remembers the choice and also sets
    a class on the article for browsers without :has().
    Reading view: corr, expan, reg and supplied text; sic, abbr, orig hidden.
    Diplomatic view: sic, abbr, orig without brackets; corr, expan, reg and
    this edition's supplied text hidden, and no '⟨sic⟩' markers; the
    compilers' supplied words stay in their brackets, as the source prints them.
  -->
  <xsl:template name="fp:view-switch" as="element()">
    <fieldset class="view-switch">
      <legend>Show the text</legend>
      <span class="view-option">
        <input type="radio" name="view" id="view-reading" value="reading" checked="checked"/>
        <label for="view-reading">Reading text <span class="view-hint">(the editors' corrections, expansions and additions)</span></label>
      </span>
      <span class="view-option">
        <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
        <label for="view-diplomatic">Diplomatic <span class="view-hint">(the source's own forms, nothing supplied by this edition)</span></label>
      </span>
    </fieldset>
  </xsl:template>

  <!-- Previous and next document (the parameters for the document at hand), and a link to the related documents. -->
  <xsl:template name="fp:sequence-nav" as="element()?">
    <xsl:param name="related" as="xs:integer" select="0"/>
    <xsl:variable name="previous" as="xs:string?" select="f:previous-document(.)"/>
    <xsl:variable name="next" as="xs:string?" select="f:next-document(.)"/>
    <xsl:if test="exists($previous) or exists($next) or $related gt 0">
      <nav class="document-sequence" aria-label="Previous, next and related documents">
        <ul>
          <xsl:if test="exists($previous)">
            <li class="prev">
              <a href="{f:safe-name($previous)}.html" rel="prev">
                <span aria-hidden="true">← </span>Previous document</a>
            </li>
          </xsl:if>
          <xsl:if test="exists($next)">
            <li class="next">
              <a href="{f:safe-name($next)}.html" rel="next">Next document<span aria-hidden="true"> →</span></a>
            </li>
          </xsl:if>
          <xsl:if test="$related gt 0">
            <li class="related">
              <a href="#related-documents">
                <xsl:value-of select="if ($related = 1) then 'Related document' else concat('Related documents (', $related, ')')"/>
              </a>
            </li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A date as <time datetime> when its attributes allow, with its words (or $words). -->
  <xsl:function name="fp:time" as="node()*">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="words" as="xs:string?"/>
    <xsl:variable name="datetime" as="xs:string?" select="f:html-datetime($date)"/>
    <xsl:variable name="content" as="node()*">
      <xsl:choose>
        <xsl:when test="exists($words)">
          <xsl:value-of select="$words"/>
        </xsl:when>
        <xsl:when test="normalize-space($date) = ''">
          <xsl:value-of select="f:date-attribute-label($date)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$date/node()" mode="m:html"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($datetime)">
        <time datetime="{$datetime}">
          <xsl:sequence select="$content"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$content"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="f:cert-note($date)"/>
  </xsl:function>

  <!-- ===== Notes ===== -->

  <xsl:template match="note" mode="m:html-document" as="element()">
    <xsl:variable name="note" as="element(note)" select="."/>
    <xsl:variable name="refs" as="xs:string*" select="f:note-ref-ids(.)"/>
    <li id="{f:note-id(.)}" class="note{if (empty($refs)) then ' note-unanchored' else ''}">
      <span class="note-number">
        <xsl:choose>
          <xsl:when test="exists($refs)">
            <a href="#{$refs[1]}" role="doc-backlink" aria-label="Back to the text at note {f:note-number(.)}">
              <xsl:value-of select="f:note-number(.)"/>
            </a>
            <xsl:for-each select="$refs[position() gt 1]">
              <xsl:text> </xsl:text>
              <a href="#{.}" role="doc-backlink" aria-label="Back to the text at note {f:note-number($note)}, place {position() + 1}">
                <xsl:value-of select="position() + 1"/>
              </a>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="f:note-number(.)"/>
          </xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:if test="empty($refs) and not($f:foreign)">
        <span class="note-status">No anchor in the text: the source prints this note without a reference to it.</span>
      </xsl:if>
      <div class="note-body">
        <xsl:sequence select="fp:html-body(.)"/>
        <xsl:if test="exists(f:notes-at(.))">
          <p class="notes-on-note">
            <xsl:sequence select="fp:note-refs(f:notes-at(.), ., false())"/>
          </p>
        </xsl:if>
      </div>
    </li>
  </xsl:template>

  <!-- The content of an element as blocks: its own blocks, or its content wrapped in <p>. -->
  <xsl:function name="fp:html-body" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:choose>
      <xsl:when test="exists($e/*[f:is-block(.) or f:holds-block(.)])">
        <xsl:for-each-group select="$e/node()" group-adjacent="exists(self::*[f:is-block(.) or f:holds-block(.)])">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()" mode="m:html"/>
            </xsl:when>
            <xsl:when test="normalize-space(string-join(current-group()/string(.), '')) != '' or current-group()/self::*">
              <p><xsl:apply-templates select="current-group()" mode="m:html"/></p>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:apply-templates select="$e/node()" mode="m:html"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ===== Apparatus ===== -->

  <xsl:template match="app" mode="m:html-document" as="element()">
    <xsl:variable name="id" as="xs:string" select="f:app-id(.)"/>
    <xsl:variable name="lemma" as="element()?" select="f:app-lemma(.)"/>
    <li id="{$id}-apparatus" class="apparatus-entry">
      <a class="app-label" href="#{$id}" aria-label="Back to the text at apparatus entry {f:app-label(.)}">
        <xsl:value-of select="f:app-label(.)"/>
      </a>
      <xsl:text> </xsl:text>
      <span class="app-lem">
        <xsl:apply-templates select="$lemma/node()" mode="m:html"/>
      </span>
      <xsl:text>]</xsl:text>
      <xsl:sequence select="fp:sigla($lemma/@wit)"/>
      <xsl:for-each select="f:app-readings(.)">
        <xsl:if test="position() gt 1">
          <xsl:text>;</xsl:text>
        </xsl:if>
        <xsl:text> </xsl:text>
        <span class="app-rdg">
          <xsl:if test="@xml:lang and exists(f:lang-tag(@xml:lang))">
            <xsl:attribute name="lang" select="f:lang-tag(@xml:lang)"/>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="normalize-space(string(.)) = '' and empty(*)">
              <em class="app-om">om.</em>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="node()" mode="m:html"/>
            </xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:sequence select="fp:sigla(@wit)"/>
      </xsl:for-each>
    </li>
  </xsl:template>

  <xsl:function name="fp:sigla" as="node()*">
    <xsl:param name="wit" as="attribute()?"/>
    <xsl:variable name="sigla" as="xs:string*" select="f:witness-sigla($wit)"/>
    <xsl:if test="exists($sigla)">
      <xsl:text> </xsl:text>
      <span class="app-wit">
        <xsl:value-of select="string-join($sigla, ', ')"/>
      </span>
    </xsl:if>
  </xsl:function>

  <!-- ===== Metadata ===== -->

  <xsl:template name="fp:metadata" as="element()*">
    <xsl:param name="tei" as="element()" required="yes"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
    <xsl:variable name="ms" as="element(msDesc)?" select="f:ms-desc($tei)"/>
    <dl class="metadata-list">
      <xsl:if test="$main">
        <xsl:sequence select="fp:corresp-rows($main)"/>
      </xsl:if>
      <xsl:variable name="context" as="element()*" select="$main/correspContext/*"/>
      <xsl:if test="exists($context)">
        <dt id="related-documents">Related documents</dt>
        <xsl:for-each select="$context">
          <dd class="related-document">
            <xsl:apply-templates select="." mode="m:html"/>
            <xsl:variable name="about" as="xs:string*"
              select="(fp:context-type(normalize-space(@type))[. != ''], if (normalize-space(@cert) != '') then concat('certainty: ', normalize-space(@cert)) else ())"/>
            <xsl:if test="exists($about)">
              <xsl:value-of select="concat(' (', string-join($about, ', '), ')')"/>
            </xsl:if>
          </dd>
        </xsl:for-each>
      </xsl:if>
      <xsl:variable name="keywords" as="element()*" select="$tei/teiHeader/profileDesc/textClass/keywords/(term | list/item)"/>
      <xsl:if test="exists($keywords)">
        <dt>Keywords</dt>
        <dd class="keywords">
          <xsl:value-of select="string-join(for $k in $keywords return normalize-space($k), '; ')"/>
        </dd>
      </xsl:if>
      <xsl:if test="exists($ms)">
        <!-- The printed editions and other references the source description gives beside the manuscript. -->
        <xsl:variable name="printed-in" as="element()*"
          select="$tei/teiHeader/fileDesc/sourceDesc/(bibl | biblStruct | listBibl/(bibl | biblStruct))"/>
        <xsl:if test="exists($printed-in)">
          <dt>Bibliography</dt>
          <xsl:for-each select="$printed-in">
            <dd class="bibl">
              <xsl:value-of select="string-join(.//text()[normalize-space(.) != '']/normalize-space(.), ', ')"/>
            </dd>
          </xsl:for-each>
        </xsl:if>
      </xsl:if>
      <xsl:if test="exists(f:doc-type($tei))">
        <dt>Type</dt>
        <dd><xsl:value-of select="f:doc-type($tei)"/></dd>
      </xsl:if>
      <xsl:if test="exists(f:archival-citation($tei))">
        <dt>Archival reference <span class="as-printed">(as printed)</span></dt>
        <dd class="archival-citation">
          <xsl:variable name="printed" as="element()?" select="f:printed-citation($tei)"/>
          <xsl:choose>
            <xsl:when test="$printed">
              <xsl:apply-templates select="$printed" mode="m:html"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="f:archival-citation($tei)"/>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:if>
      <!-- The holder, its town and country ('…(RGASPI), Moscow, Russia'). -->
      <xsl:variable name="repository" as="xs:string*"
        select="(f:repository($tei), f:settlement($tei), normalize-space(f:ms-desc($tei)/msIdentifier/country[1])[. != ''])"/>
      <xsl:if test="exists($repository)">
        <dt>Repository</dt>
        <dd><xsl:value-of select="string-join($repository, ', ')"/></dd>
      </xsl:if>
      <xsl:variable name="shelfmark" as="xs:string*" select="
          for $part in ('fond', 'opis', 'delo')
          return if (exists(f:ms-idno($tei, $part))) then concat($part, ' ', f:ms-idno($tei, $part)) else ()"/>
      <xsl:if test="exists($shelfmark)">
        <dt>Shelfmark</dt>
        <dd><xsl:value-of select="string-join($shelfmark, ', ')"/></dd>
      </xsl:if>
      <xsl:if test="exists(f:folios($tei))">
        <dt>Leaves</dt>
        <dd><xsl:value-of select="f:folios($tei)"/></dd>
      </xsl:if>
      <xsl:variable name="physical" as="element()*" select="f:physical-description($tei)"/>
      <xsl:if test="exists($physical)">
        <dt>Physical description</dt>
        <xsl:for-each select="$physical">
          <dd><xsl:apply-templates select="node()" mode="m:html"/></dd>
        </xsl:for-each>
      </xsl:if>
      <xsl:variable name="hands" as="element(handNote)*" select="f:hand-notes($tei)"/>
      <xsl:if test="exists($hands)">
        <dt>Hands</dt>
        <xsl:for-each select="$hands">
          <dd class="hand">
            <xsl:if test="normalize-space(@xml:id) != ''">
              <xsl:attribute name="id" select="f:safe-name(@xml:id)"/>
            </xsl:if>
            <strong class="hand-label"><xsl:value-of select="f:hand-label(.)"/></strong>
            <xsl:text>: </xsl:text>
            <xsl:sequence select="fp:inline-content(.)"/>
            <xsl:value-of select="f:cert-note(.)"/>
          </dd>
        </xsl:for-each>
      </xsl:if>
      <xsl:variable name="witnesses" as="element(witness)*" select="f:doc-witnesses($tei)"/>
      <xsl:if test="exists($witnesses)">
        <dt>Witnesses</dt>
        <xsl:for-each select="$witnesses">
          <dd class="witness">
            <xsl:if test="normalize-space(@xml:id) != ''">
              <xsl:attribute name="id" select="f:safe-name(@xml:id)"/>
            </xsl:if>
            <strong class="siglum"><xsl:value-of select="f:witness-label(.)"/></strong>
            <xsl:if test="normalize-space(@n) != '' and normalize-space(.) != ''">
              <xsl:text>: </xsl:text>
              <xsl:apply-templates select="node()" mode="m:html"/>
            </xsl:if>
          </dd>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="empty($ms)">
        <xsl:variable name="source" as="element()*" select="$tei/teiHeader/fileDesc/sourceDesc/*[not(self::listWit)]"/>
        <xsl:if test="exists($source)">
          <dt>Source</dt>
          <xsl:for-each select="$source">
            <dd><xsl:apply-templates select="." mode="m:html"/></dd>
          </xsl:for-each>
        </xsl:if>
      </xsl:if>
    </dl>
    <xsl:for-each select="f:other-corresps($tei)">
      <xsl:variable name="part" as="element()?" select="f:corresp-text-part(.)"/>
      <h3>
        <xsl:value-of select="if ($part) then concat('Embedded ', (normalize-space($part/@type)[. != ''], 'text')[1])
                              else 'Further correspondence'"/>
      </h3>
      <dl class="metadata-list">
        <xsl:sequence select="fp:corresp-rows(.)"/>
      </dl>
    </xsl:for-each>
  </xsl:template>

  <!-- A correspContext link's @type in words. -->
  <xsl:function name="fp:context-type" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="if ($type = 'prev') then 'previous in the correspondence'
                          else if ($type = 'next') then 'next in the correspondence'
                          else if ($type = 'reply') then 'reply'
                          else $type"/>
  </xsl:function>

  <!-- dt/dd rows for the sending and receiving of one correspDesc. -->
  <xsl:function name="fp:corresp-rows" as="element()*">
    <xsl:param name="corresp" as="element(correspDesc)"/>
    <xsl:for-each select="$corresp/correspAction">
      <dt>
        <xsl:value-of select="if (@type = 'sent') then 'Sender' else if (@type = 'received') then 'Recipient'
                              else concat('Correspondence (', normalize-space(@type), ')')"/>
      </dt>
      <dd>
        <xsl:variable name="parts" as="item()*">
          <xsl:for-each select="f:action-agents(.)">
            <span class="correspondent">
              <xsl:sequence select="fp:agent(.)"/>
              <xsl:value-of select="f:cert-note(.)"/>
            </span>
          </xsl:for-each>
        </xsl:variable>
        <xsl:sequence select="fp:join-nodes($parts, ', ')"/>
        <xsl:if test="empty(f:action-agents(.))">
          <span class="unknown">not stated</span>
        </xsl:if>
        <xsl:for-each select="f:action-place(.)">
          <xsl:text>, </xsl:text>
          <xsl:apply-templates select="." mode="m:html"/>
          <xsl:value-of select="f:cert-note(.)"/>
        </xsl:for-each>
        <xsl:for-each select="f:action-date(.)">
          <xsl:text>, </xsl:text>
          <xsl:sequence select="fp:time(., ())"/>
        </xsl:for-each>
      </dd>
    </xsl:for-each>
  </xsl:function>

  <!-- A correspondent: the name element rendered, or its entry's label when it is empty. -->
  <xsl:function name="fp:agent" as="node()*">
    <xsl:param name="name" as="element()"/>
    <xsl:choose>
      <xsl:when test="normalize-space($name) != ''">
        <xsl:apply-templates select="$name" mode="m:html"/>
      </xsl:when>
      <xsl:otherwise>
        <span class="tei-{local-name($name)}"><xsl:value-of select="f:name-string($name)"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- An element's content for inline use: the content of its paragraphs, one after another, or its own content. -->
  <xsl:function name="fp:inline-content" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:choose>
      <xsl:when test="exists($e/p) and empty($e/(* except p))">
        <xsl:for-each select="$e/p">
          <xsl:if test="position() gt 1">
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:apply-templates select="node()" mode="m:html"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$e/node()" mode="m:html"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Items (each a node sequence) separated by a string. -->
  <xsl:function name="fp:join-nodes" as="node()*">
    <xsl:param name="items" as="node()*"/>
    <xsl:param name="separator" as="xs:string"/>
    <xsl:for-each select="$items">
      <xsl:if test="position() gt 1">
        <xsl:value-of select="$separator"/>
      </xsl:if>
      <xsl:sequence select="."/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
