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

  <xsl:template match="*" mode="m:html-document" as="element()">
    <!--
      What html/page.xsl worked out once for the head as well: file, title, number, the main
      correspDesc, the text's language, the date in words, URL, page.
    -->
    <xsl:param name="facts" as="map(*)" select="map { 'file': f:doc-file(.), 'title': f:doc-title(.), 'number': f:doc-number-label(.),
                                                       'main': f:main-corresp(.), 'lang': f:text-lang(.) }"/>
    <xsl:variable name="tei" as="element()" select="."/>
    <xsl:variable name="file" as="xs:string" select="$facts('file')"/>
    <xsl:variable name="doc-title" as="element()?" select="text/front/docTitle[1]"/>
    <xsl:variable name="main-title" as="element()?"
      select="($doc-title/titlePart[@type = 'main'], $doc-title/titlePart[not(@type = 'number')])[1]"/>
    <xsl:variable name="doc-date" as="element()?" select="text/front/docDate[1]"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="$facts('main')"/>
    <xsl:variable name="number" as="xs:string?" select="$facts('number')"/>
    <article class="document">
      <header class="document-header">
        <xsl:if test="exists($number)">
          <p class="document-number">
            <xsl:value-of select="$number"/>
          </p>
        </xsl:if>
        <h1>
          <xsl:choose>
            <xsl:when test="$main-title">
              <xsl:apply-templates select="$main-title/node()" mode="m:html"/>
              <xsl:sequence select="fp:note-refs(($doc-title, $main-title)/f:notes-at(.), $main-title, false())"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$facts('title')"/>
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
          <xsl:with-param name="related" select="count($main/correspContext/*)"/>
        </xsl:call-template>
      </header>

      <!-- Metadata first: the card, its full description folded under it. -->
      <xsl:call-template name="fp:card">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="main" select="$main"/>
        <xsl:with-param name="lang" select="$facts('lang')"/>
      </xsl:call-template>

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
          <xsl:for-each select="$facts('lang')">
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

      <xsl:call-template name="fp:citation">
        <xsl:with-param name="citation" select="$facts"/>
      </xsl:call-template>

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
          <!-- Made by the edition-wide step from the summaries (html/edition.xsl, fp:citation-files). -->
          <li><a href="cite/{$file}.json" type="application/vnd.citationstyles.csl+json" download="{$file}.csl.json">Citation as CSL-JSON</a> (Zotero, Citation Style Language)</li>
          <li><a href="cite/{$file}.bib" type="application/x-bibtex" download="{$file}.bib">Citation as BibTeX</a></li>
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
    Reading view: corr, expan, reg and supplied text, shaded in their marks
    beside the printed sic, abbr, orig ('Pre ⟨Chairman⟩').
    Diplomatic view: sic, abbr, orig without brackets; corr, expan, reg and
    this edition's supplied text hidden, and no '⟨sic⟩' markers; the
    compilers' supplied words stay in their brackets, as the source prints them.
  -->
  <xsl:template name="fp:view-switch" as="element()">
    <fieldset class="view-switch">
      <legend>Show the text</legend>
      <span class="view-option">
        <input type="radio" name="view" id="view-reading" value="reading" checked="checked"/>
        <label for="view-reading">Reading text <span class="view-hint">(the editors' expansions, corrections and additions, shaded in ⟨ ⟩, beside the printed forms)</span></label>
      </span>
      <span class="view-option">
        <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
        <label for="view-diplomatic">Diplomatic <span class="view-hint">(the source's own forms, nothing supplied by this edition)</span></label>
      </span>
    </fieldset>
  </xsl:template>

  <!--
    The citation: the document, the printed collection it is in (with a
    page only where the header gives one), this edition with its editors and
    version, and the permanent link with 'accessed …' for the reader to fill
    in (a build date would make builds differ). A part not set is left out.
  -->
  <xsl:template name="fp:citation" as="element()">
    <xsl:param name="citation" as="map(*)" required="yes"/>
    <xsl:variable name="url" as="xs:string" select="string($citation('url'))"/>
    <section class="citation" aria-labelledby="citation-heading">
      <h2 id="citation-heading">How to cite</h2>
      <p class="citation-text">
        <xsl:value-of select="concat($citation('title'), if (exists($citation('date-words'))) then concat(', ', $citation('date-words')) else '', '. ')"/>
        <xsl:if test="normalize-space($fp:collection[1]) != ''">
          <xsl:value-of select="concat(($citation('number'), 'Document')[1], ' in: ')"/>
          <cite><xsl:value-of select="$fp:collection[1]"/></cite>
          <xsl:variable name="compilers" as="xs:string*" select="tokenize($fp:collection[2], '; ')[. != '']"/>
          <xsl:if test="exists($compilers)">
            <xsl:value-of select="concat(', compiled by ', fp:and-list($compilers))"/>
          </xsl:if>
          <xsl:variable name="imprint" as="xs:string"
            select="concat(string-join(($fp:collection[3][. != ''], $fp:collection[4][. != '']), ': '),
                           if ($fp:collection[5] != '') then concat(if ($fp:collection[3] != '' or $fp:collection[4] != '') then ', ' else '', $fp:collection[5]) else '')"/>
          <xsl:if test="$imprint != ''">
            <xsl:value-of select="concat(' (', $imprint, ')')"/>
          </xsl:if>
          <xsl:if test="exists($citation('page'))">
            <xsl:value-of select="concat(', p. ', $citation('page'))"/>
          </xsl:if>
          <xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:text>In: </xsl:text>
        <cite><xsl:value-of select="$f:edition-title"/></cite>
        <xsl:if test="exists($fp:citation-editors)">
          <xsl:value-of select="concat(', edited by ', fp:and-list($fp:citation-editors))"/>
        </xsl:if>
        <xsl:if test="$f:version != ''">
          <xsl:value-of select="concat(', version ', $f:version)"/>
        </xsl:if>
        <xsl:text>. </xsl:text>
        <xsl:if test="$url != '' and f:is-safe-url($url)">
          <a href="{$url}" class="permalink"><xsl:value-of select="$url"/></a>
          <xsl:text>, accessed …</xsl:text>
        </xsl:if>
      </p>
    </section>
  </xsl:template>

  <!-- 'A', 'A and B', 'A, B and C'. -->
  <xsl:function name="fp:and-list" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="if (count($items) le 1) then string($items[1])
                          else concat(string-join($items[position() lt last()], ', '), ' and ', $items[last()])"/>
  </xsl:function>

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

  <!-- ===== Notes in place ===== -->

  <!--
    A note where its marker stands (html/text.xsl fp:note-refs calls this for
    every marker but one inside a link): a popover the marker's button
    opens, on every screen and without JavaScript. On wide screens
    edition.css shows the note of a marker in the reading text ($in-text)
    in the side column beside its line, always; that of a marker in the
    heading, the card or the list of notes (class sidenote-on-demand) only
    when it is pressed, in the side column beside the marker too. Its
    content is the note's own, as phrasing (paragraphs become spans, so it
    may stand inside a <p>) and without ids (the list of notes at the end
    keeps them); the markers of notes on the note are left to that list.
  -->
  <xsl:function name="fp:note-in-place" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:param name="in-text" as="xs:boolean"/>
    <xsl:variable name="body" as="node()*">
      <xsl:apply-templates select="$note/node()" mode="m:html"/>
    </xsl:variable>
    <span class="sidenote{if ($in-text) then '' else ' sidenote-on-demand'}" id="{$id}" popover="auto" role="note" aria-label="{$label}">
      <span class="sidenote-number"><xsl:value-of select="$n"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="$body" mode="m:note-in-place"/>
      <xsl:text> </xsl:text>
      <a class="sidenote-link" href="#{f:note-id($note)}">In the notes</a>
    </span>
  </xsl:function>

  <xsl:mode name="m:note-in-place" on-no-match="shallow-copy"/>

  <!--
    One rule for every element of the copy (a union of names would compile to one copy of the
    body per name): blocks become spans, note markers and notes in place are left out, every
    other element is copied without its id.
  -->
  <xsl:template match="*" mode="m:note-in-place">
    <xsl:choose>
      <xsl:when test="contains('|p|div|blockquote|figure|figcaption|ul|ol|li|dl|dt|dd|table|caption|tbody|tr|td|th|h1|h2|h3|h4|h5|h6|', concat('|', local-name(), '|'))">
        <span class="sidenote-block">
          <xsl:apply-templates select="node()" mode="m:note-in-place"/>
        </span>
      </xsl:when>
      <xsl:when test="(local-name() = 'sup' and contains(@class, 'noteref')) or (local-name() = 'span' and tokenize(@class, '\s+') = 'sidenote')"/>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@* except @id, node()" mode="m:note-in-place"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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

  <!--
    The card at the top of the page: sender and recipient with their places
    and dates, the type, the archive signature, the language (or
    translation), the hands and the related documents; the full description
    (html: details) under it holds everything else the header says.
  -->
  <xsl:template name="fp:card" as="element()">
    <xsl:param name="tei" as="element()" required="yes"/>
    <xsl:param name="main" as="element(correspDesc)?" required="yes"/>
    <xsl:param name="lang" as="xs:string?" required="yes"/>
    <!-- The related documents, rendered once: in the card, and copied whole into the full description. -->
    <xsl:variable name="related" as="element()*">
      <xsl:for-each select="$main/correspContext/*">
        <dd class="related-document">
          <xsl:sequence select="fp:related-document(.)"/>
        </dd>
      </xsl:for-each>
    </xsl:variable>
    <section class="document-card" aria-labelledby="card-heading">
      <h2 id="card-heading">About this document</h2>
      <dl class="card-list">
        <xsl:if test="$main">
          <xsl:sequence select="fp:corresp-rows($main)"/>
        </xsl:if>
        <xsl:if test="exists(f:doc-type($tei))">
          <dt>Type</dt>
          <dd><xsl:value-of select="f:capitalise(translate(f:doc-type($tei), '-_', '  '))"/></dd>
        </xsl:if>
        <xsl:variable name="signature" as="xs:string?" select="fp:signature($tei)"/>
        <xsl:if test="exists($signature)">
          <dt>Archive</dt>
          <dd class="signature"><xsl:value-of select="$signature"/></dd>
        </xsl:if>
        <xsl:variable name="language" as="xs:string?" select="fp:language-line($tei, $lang)"/>
        <xsl:if test="exists($language)">
          <dt>Language</dt>
          <dd><xsl:value-of select="$language"/></dd>
        </xsl:if>
        <xsl:variable name="hands" as="element(handNote)*" select="f:hand-notes($tei)"/>
        <xsl:if test="exists($hands)">
          <dt>Hands</dt>
          <dd><xsl:value-of select="string-join(for $h in $hands return fp:hand-summary($h), '; ')"/></dd>
        </xsl:if>
        <xsl:if test="exists($related)">
          <dt id="related-documents">Related documents</dt>
          <xsl:sequence select="$related"/>
        </xsl:if>
      </dl>
      <details class="document-details">
        <summary>Full description</summary>
        <xsl:call-template name="fp:metadata">
          <xsl:with-param name="tei" select="$tei"/>
          <xsl:with-param name="related" select="$related"/>
        </xsl:call-template>
      </details>
    </section>
  </xsl:template>

  <!-- A correspContext link with its kind and certainty in words. -->
  <xsl:function name="fp:related-document" as="node()*">
    <xsl:param name="link" as="element()"/>
    <xsl:apply-templates select="$link" mode="m:html"/>
    <xsl:variable name="about" as="xs:string*"
      select="(fp:context-type(normalize-space($link/@type))[. != ''], if (normalize-space($link/@cert) != '') then concat('certainty: ', normalize-space($link/@cert)) else ())"/>
    <xsl:if test="exists($about)">
      <xsl:value-of select="concat(' (', string-join($about, ', '), ')')"/>
    </xsl:if>
  </xsl:function>

  <!-- A hand by its name in words: Stalin's hand, First hand. -->
  <xsl:function name="fp:hand-name" as="xs:string">
    <xsl:param name="hand" as="element()"/>
    <xsl:variable name="label" as="xs:string" select="f:hand-label($hand)"/>
    <xsl:sequence select="if (fp:hand-is-person($hand)) then concat($label, '’s hand')
                          else if (ends-with(lower-case($label), 'hand')) then $label
                          else concat($label, ' hand')"/>
  </xsl:function>

  <!--
    A hand for the card: its name in words and what its attributes say ('Lisa Clarus’s hand (blaue
    tinte, lateinische kurrent)'); a hand with no name but attributes is 'Hand (…)'.
  -->
  <xsl:function name="fp:hand-summary" as="xs:string">
    <xsl:param name="hand" as="element()"/>
    <xsl:variable name="traits" as="xs:string?" select="f:hand-traits($hand)"/>
    <xsl:sequence select="if (exists($traits) and f:hand-label($hand) = 'unidentified') then concat('Hand (', $traits, ')')
                          else concat(fp:hand-name($hand), if (exists($traits)) then concat(' (', $traits, ')') else '')"/>
  </xsl:function>

  <!-- Whether a hand is named after a person (@scribe, @scribeRef or a persName in it). -->
  <xsl:function name="fp:hand-is-person" as="xs:boolean">
    <xsl:param name="hand" as="element()?"/>
    <xsl:sequence select="exists($hand/(@scribe | @scribeRef)[normalize-space(.) != '']) or exists($hand//persName)
                          or starts-with(normalize-space($hand/@corresp), '#')"/>
  </xsl:function>

  <!--
    The archive signature in one line: the holder (by the short name in its
    parentheses, 'RGASPI'), the parts of the shelfmark ('f. 558, op. 1,
    d. 5481') and the leaves ('l. 4-7'); in an archive with no fond, the
    country, town, holder and shelfmark ('U.S.A., Yale, Beinecke Rare Book
    and Manuscript Library, Yale Collection of German Literature, MSS 31');
    else the reference as printed.
  -->
  <xsl:function name="fp:signature" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="id" as="element()?" select="f:ms-desc($tei)/msIdentifier"/>
    <xsl:variable name="repository" as="xs:string?" select="f:repository($tei)"/>
    <xsl:variable name="short" as="xs:string?"
      select="if (matches($repository, '\(([^()]+)\)\s*$')) then replace($repository, '^.*\(([^()]+)\)\s*$', '$1') else $repository"/>
    <xsl:variable name="russian" as="xs:boolean" select="exists($id/idno[@type = 'fond'])"/>
    <xsl:variable name="parts" as="xs:string*" select="
        for $i in $id/idno[normalize-space(.) != '']
        return concat(if ($i/@type = 'fond') then 'f. ' else if ($i/@type = 'opis') then 'op. ' else if ($i/@type = 'delo') then 'd. ' else '',
                      normalize-space($i))"/>
    <xsl:variable name="leaves" as="xs:string?" select="f:folios($tei)"/>
    <xsl:variable name="all" as="xs:string*"
      select="($short, $parts, if (exists($leaves)) then concat(if ($russian) then 'l. ' else 'fol. ', $leaves) else ())"/>
    <!-- Elsewhere (no fond): where, who, what, as msIdentifier gives them ('U.S.A., Yale, Beinecke …, MSS 31'). -->
    <xsl:variable name="generic" as="xs:string*"
      select="(f:ms-country($tei), f:settlement($tei), $repository, $parts, if (exists($leaves)) then concat('fol. ', $leaves) else ())"/>
    <xsl:sequence select="if ($russian) then string-join($all, ', ')
                          else if (exists($parts)) then string-join($generic, ', ')
                          else f:archival-citation($tei)"/>
  </xsl:function>

  <!--
    The language of the text and, when the original was in another, that it is
    a translation: 'English translation; original in Russian'.
  -->
  <xsl:function name="fp:language-line" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="original" as="element()?" select="(f:ms-desc($tei)/msContents//textLang)[1]"/>
    <xsl:variable name="original-code" as="xs:string" select="f:bcp47(normalize-space($original/@mainLang))"/>
    <xsl:variable name="original-name" as="xs:string"
      select="(normalize-space($original)[. != ''], fp:language-name($original-code))[1]"/>
    <xsl:sequence select="
        if (exists($lang) and $original-code != '' and substring-before(concat($lang, '-'), '-') != substring-before(concat($original-code, '-'), '-'))
          then concat(fp:language-name($lang), ' translation; original in ', $original-name)
        else if (exists($lang)) then fp:language-name($lang)
        else if ($original-name != '') then $original-name
        else ()"/>
  </xsl:function>

  <!-- A language's English name for the common codes, else the code. -->
  <xsl:function name="fp:language-name" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="primary" as="xs:string" select="lower-case(substring-before(concat($code, '-'), '-'))"/>
    <xsl:sequence select="($fp:language-names($primary), $code)[1]"/>
  </xsl:function>

  <xsl:variable name="fp:language-names" as="map(xs:string, xs:string)" select="map {
      'en': 'English', 'ru': 'Russian', 'de': 'German', 'fr': 'French', 'it': 'Italian', 'es': 'Spanish',
      'uk': 'Ukrainian', 'pl': 'Polish', 'la': 'Latin', 'cs': 'Czech', 'hu': 'Hungarian', 'nl': 'Dutch',
      'be': 'Belarusian', 'ka': 'Georgian', 'az': 'Azerbaijani', 'yi': 'Yiddish', 'he': 'Hebrew' }"/>

  <!-- The rest of the header: the full description, folded under the card. -->
  <xsl:template name="fp:metadata" as="element()*">
    <xsl:param name="tei" as="element()" required="yes"/>
    <!-- The card's related documents (dd elements), to copy here in full. -->
    <xsl:param name="related" as="element()*" select="()"/>
    <xsl:variable name="ms" as="element(msDesc)?" select="f:ms-desc($tei)"/>
    <dl class="metadata-list">
      <!-- The related documents again, in full: on a phone the card shows the first lines of each (edition.css). -->
      <xsl:if test="exists($related)">
        <dt>Related documents</dt>
        <xsl:for-each select="$related">
          <dd class="related-document-full">
            <!-- Without ids and note markers: the card holds those (mode m:note-in-place strips them). -->
            <xsl:apply-templates select="node()" mode="m:note-in-place"/>
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
      <!-- Put together from msIdentifier, the reference would repeat the Repository and Shelfmark rows: only as printed, or alone. -->
      <xsl:if test="exists(f:printed-citation($tei))
                    or (exists(f:archival-citation($tei))
                        and empty((f:repository($tei), f:settlement($tei), f:ms-country($tei), f:ms-shelfmark($tei), f:ms-idno($tei, 'fond'))))">
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
        select="(f:repository($tei), f:settlement($tei), f:ms-country($tei))"/>
      <xsl:if test="exists($repository)">
        <dt>Repository</dt>
        <dd><xsl:value-of select="string-join($repository, ', ')"/></dd>
      </xsl:if>
      <xsl:variable name="shelfmark" as="xs:string*" select="
          for $part in ('fond', 'opis', 'delo')
          return if (exists(f:ms-idno($tei, $part))) then concat($part, ' ', f:ms-idno($tei, $part)) else (),
          f:ms-shelfmark($tei)"/>
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
            <xsl:variable name="traits" as="xs:string?" select="f:hand-traits(.)"/>
            <strong class="hand-label"><xsl:value-of select="if (exists($traits) and f:hand-label(.) = 'unidentified') then 'Hand' else f:hand-label(.)"/></strong>
            <xsl:if test="exists($traits) or normalize-space(.) != ''">
              <xsl:text>: </xsl:text>
            </xsl:if>
            <xsl:value-of select="$traits"/>
            <xsl:if test="exists($traits) and normalize-space(.) != ''">
              <xsl:text>; </xsl:text>
            </xsl:if>
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
              <xsl:choose>
                <!-- The witness whose msDesc the rows above describe: its msIdentifier is in them already (Repository, Shelfmark). -->
                <xsl:when test="exists($ms) and msDesc[1] is $ms">
                  <xsl:apply-templates select="node() except $ms" mode="m:html"/>
                  <div class="tei-msDesc">
                    <xsl:apply-templates select="$ms/node() except $ms/msIdentifier" mode="m:html"/>
                  </div>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates select="node()" mode="m:html"/>
                </xsl:otherwise>
              </xsl:choose>
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
    <!-- An anthology (example07 of the Correspondence SIG) gives each letter a text part of its own: the main one's too. -->
    <xsl:variable name="main-part" as="element()?"
      select="if (exists(f:other-corresps($tei))) then f:corresp-text-part(f:main-corresp($tei)) else ()"/>
    <xsl:for-each select="f:other-corresps($tei)">
      <xsl:variable name="part" as="element()?" select="f:corresp-text-part(.)"/>
      <xsl:variable name="kind" as="xs:string?" select="normalize-space($part/@type)[. != '']"/>
      <h3>
        <xsl:value-of select="
            if ($part and $main-part and not($part/ancestor-or-self::floatingText) and not($part/ancestor::* intersect $main-part))
              then concat(if ($kind) then concat(upper-case(substring($kind, 1, 1)), substring($kind, 2)) else 'Letter', ' ',
                          count(preceding-sibling::correspDesc) + 1, ' of this document')
            else if ($part) then concat('Embedded ', ($kind, 'text')[1])
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

  <!--
    dt/dd rows for the sending and receiving of one correspDesc, and for the
    postal steps between (transmitted, delivered, redirected, forwarded: a
    place and a date, with no one named by design, so no 'not stated').
    The parts of a row (correspondents, place, date) are joined by ', ';
    a place given only by its pointer (<placeName ref="#CRA"/>) reads as
    the place it points at, as in the JSON.
  -->
  <xsl:function name="fp:corresp-rows" as="element()*">
    <xsl:param name="corresp" as="element(correspDesc)"/>
    <xsl:for-each select="$corresp/correspAction">
      <xsl:variable name="type" as="xs:string" select="normalize-space(@type)"/>
      <dt>
        <xsl:value-of select="fp:action-label($type)"/>
      </dt>
      <dd>
        <xsl:variable name="agents" as="element()*" select="f:action-agents(.)"/>
        <xsl:variable name="parts" as="element()*">
          <xsl:if test="exists($agents)">
            <fp:part>
              <xsl:for-each select="$agents">
                <xsl:if test="position() gt 1">
                  <xsl:text>, </xsl:text>
                </xsl:if>
                <span class="correspondent">
                  <xsl:sequence select="fp:agent(.)"/>
                  <xsl:value-of select="f:cert-note(.)"/>
                </span>
              </xsl:for-each>
            </fp:part>
          </xsl:if>
          <xsl:if test="empty($agents) and $type = ('sent', 'received', '')">
            <fp:part><span class="unknown">not stated</span></fp:part>
          </xsl:if>
          <xsl:for-each select="f:action-place(.)[f:name-string(.) != '']">
            <fp:part>
              <xsl:sequence select="fp:place(.)"/>
              <xsl:value-of select="f:cert-note(.)"/>
            </fp:part>
          </xsl:for-each>
          <xsl:for-each select="f:action-date(.)">
            <fp:part><xsl:sequence select="fp:time(., ())"/></fp:part>
          </xsl:for-each>
        </xsl:variable>
        <xsl:for-each select="$parts">
          <xsl:if test="position() gt 1">
            <xsl:text>, </xsl:text>
          </xsl:if>
          <xsl:copy-of select="node()" copy-namespaces="no"/>
        </xsl:for-each>
      </dd>
    </xsl:for-each>
  </xsl:function>

  <!-- A correspAction's @type in words: 'Sender', 'Recipient', 'Transmitted', 'Redirected' … -->
  <xsl:function name="fp:action-label" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="if ($type = 'sent') then 'Sender' else if ($type = 'received') then 'Recipient'
                          else if ($type = ('transmitted', 'delivered', 'redirected', 'forwarded'))
                            then concat(upper-case(substring($type, 1, 1)), substring($type, 2))
                          else concat('Correspondence (', $type, ')')"/>
  </xsl:function>

  <!-- A place of a correspAction: rendered; an empty one (<placeName ref="#CRA"/>) with the name of the place it points at. -->
  <xsl:function name="fp:place" as="node()*">
    <xsl:param name="place" as="element()"/>
    <xsl:variable name="shown" as="node()*">
      <xsl:apply-templates select="$place" mode="m:html"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($place) != '' or count($shown) ne 1 or not($shown instance of element())">
        <xsl:sequence select="$shown"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{local-name($shown)}" namespace="{namespace-uri($shown)}">
          <xsl:sequence select="$shown/@*"/>
          <xsl:value-of select="f:name-string($place)"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
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
