<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/functions.xsl: what only the pages ask of a document: which elements
  are blocks on the page, the titles that describe an intervention, the ids
  of note markers, where a pointer links, the values of <time datetime>,
  and the header facts only the page shows (the text's language, hands,
  settlement). Included by html.xsl and corpus.xsl.

  Apart from the common modules so that text.xsl and json.xsl do not carry
  them: SaxonJS sets every transformation up from the whole compiled
  stylesheet, each of its nodes costing a little, used or not (xslt/README.md,
  "Per-letter cost in SaxonJS").
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- Containers in which quote, cit, q and bibl stand as blocks of their own. -->
  <xsl:variable name="fp:division-names" as="xs:string+" select="(
      'body', 'front', 'back', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7',
      'postscript', 'floatingText', 'opener', 'closer', 'figure')"/>

  <!--
    Is the element a block? bibl is a block only as a member of a list
    (listBibl, sourceDesc) or of a division; quote, cit, q, said, label and stage
    in a division; everything else by name.
  -->
  <xsl:function name="f:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!--
      The block names as '|name|name|…|' strings: contains() on such a string is the quickest
      membership test SaxonJS has (a general comparison with a sequence of strings, $name = (…),
      costs it about eight times as much, map:contains three times). The last string is the list
      of block names (common/plain.xsl's block patterns name the same); the middle one is
      $fp:division-names: keep them in step.
    -->
    <xsl:variable name="name" as="xs:string" select="concat('|', local-name($e), '|')"/>
    <xsl:sequence select="
        if (contains('|bibl|biblStruct|biblFull|', $name))
          then contains('|listBibl|sourceDesc|body|front|back|div|div1|div2|div3|div4|div5|div6|div7|postscript|floatingText|opener|closer|figure|', concat('|', local-name($e/..), '|'))
        else if (contains('|quote|cit|q|said|label|stage|', $name))
          then contains('|body|front|back|div|div1|div2|div3|div4|div5|div6|div7|postscript|floatingText|opener|closer|figure|', concat('|', local-name($e/..), '|'))
        (: A paragraph of a quote in running text is no block (html/text.xsl: quote/p). :)
        else if ($name = '|p|' and exists($e/parent::quote | $e/parent::q))
          then contains('|body|front|back|div|div1|div2|div3|div4|div5|div6|div7|postscript|floatingText|opener|closer|figure|', concat('|', local-name($e/../..), '|'))
        else contains('|TEI|teiCorpus|text|group|front|body|back|floatingText|div|div1|div2|div3|div4|div5|div6|div7|divGen|p|ab|head|opener|closer|dateline|salute|signed|postscript|byline|argument|epigraph|trailer|docTitle|titlePart|docDate|docAuthor|docImprint|docEdition|titlePage|imprimatur|list|item|listBibl|lg|l|sp|speaker|castList|castItem|table|row|figure|listPerson|listPlace|listOrg|listEvent|listWit|person|personGrp|place|org|event|witness|teiHeader|fileDesc|titleStmt|editionStmt|extent|publicationStmt|seriesStmt|notesStmt|sourceDesc|encodingDesc|projectDesc|samplingDecl|editorialDecl|correction|normalization|quotation|hyphenation|segmentation|interpretation|punctuation|stdVals|refsDecl|classDecl|tagsDecl|profileDesc|langUsage|language|textClass|correspDesc|correspAction|correspContext|particDesc|settingDesc|revisionDesc|change|listChange|availability|licence|respStmt|msDesc|msIdentifier|msContents|msItem|physDesc|objectDesc|handDesc|handNote|history|additional|bibl|biblStruct|biblFull|', $name)"/>
  </xsl:function>

  <!--
    Does the element hold a block somewhere inside it (outside notes and
    readings, which are not rendered in place)? Then it cannot render as an
    inline span.
  -->
  <xsl:function name="f:holds-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <!-- Only names that can be blocks are asked f:is-block ($fp:maybe-block-map as a string, see f:is-block):
         this runs for almost every element shown. An element without element children holds nothing. -->
    <xsl:sequence select="exists($e/*)
                          and exists($e//*[contains('|TEI|teiCorpus|text|group|front|body|back|floatingText|div|div1|div2|div3|div4|div5|div6|div7|divGen|p|ab|head|opener|closer|dateline|salute|signed|postscript|byline|argument|epigraph|trailer|docTitle|titlePart|docDate|docAuthor|docImprint|docEdition|titlePage|imprimatur|list|item|listBibl|lg|l|sp|speaker|castList|castItem|table|row|figure|listPerson|listPlace|listOrg|listEvent|listWit|person|personGrp|place|org|event|witness|teiHeader|fileDesc|titleStmt|editionStmt|extent|publicationStmt|seriesStmt|notesStmt|sourceDesc|encodingDesc|projectDesc|samplingDecl|editorialDecl|correction|normalization|quotation|hyphenation|segmentation|interpretation|punctuation|stdVals|refsDecl|classDecl|tagsDecl|profileDesc|langUsage|language|textClass|correspDesc|correspAction|correspContext|particDesc|settingDesc|revisionDesc|change|listChange|availability|licence|respStmt|msDesc|msIdentifier|msContents|msItem|physDesc|objectDesc|handDesc|handNote|history|additional|bibl|biblStruct|biblFull|quote|cit|q|said|label|stage|', concat('|', local-name(), '|'))][f:is-block(.)]
                                         [empty(ancestor::*[self::note or self::rdg or self::rdgGrp][. &gt;&gt; $e])])"/>
  </xsl:function>

  <!--
    Is the element left out of the reading text? The front's docTitle and
    docDate (the outputs print them as the document's heading), containers
    of back notes (listed apart), the back's notes.
    common/layout.xsl spells this test as a match pattern too, for the page and the text (faster than a call per element): keep the two in step.
  -->
  <xsl:function name="f:is-apart" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        exists($e/self::docTitle[parent::front] | $e/self::docDate[parent::front])
        or f:is-notes-container($e)
        or exists($e/self::note[ancestor::back])"/>
  </xsl:function>

  <!--
    A short description of an intervention or a hand's writing, for a tooltip, or () for other
    elements. fp:html-attributes (html/text.xsl) asks only for elements with @hand or named in
    $fp:intervention-names-string.
  -->
  <xsl:function name="fp:intervention-title" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="place" as="xs:string"
      select="if (normalize-space($e/@place) != '') then concat(' (', normalize-space($e/@place), ')') else ''"/>
    <xsl:variable name="hand" as="xs:string"
      select="if ($e/@hand) then concat(', hand: ', f:hand-pointer-label($e/@hand)) else ''"/>
    <xsl:variable name="extent" as="xs:string"
      select="normalize-space(string-join(($e/@quantity, $e/@unit, $e/@extent), ' '))"/>
    <xsl:variable name="title" as="xs:string?" select="
        if ($e/self::supplied) then concat('Supplied by ', fp:resp-phrase($e), fp:reason($e))
        else if ($e/self::gap) then concat(if ($e/@reason = 'omitted') then (if ($e/@resp) then concat('Omitted by ', fp:resp-phrase($e)) else 'Omitted by the editors of the source')
                                           else concat('Gap', fp:reason($e), if ($e/@resp) then concat(', marked by ', fp:resp-phrase($e)) else ''),
                                           if ($extent != '') then concat(': ', $extent) else '')
        else if ($e/self::unclear) then concat('Unclear reading', fp:reason($e))
        else if ($e/self::add) then concat('Added', $place)
        else if ($e/self::del) then concat('Deleted', if (normalize-space($e/@rend) != '') then concat(' (', normalize-space($e/@rend), ')') else '')
        else if ($e/self::sic) then 'Thus in the source'
        else if ($e/self::corr) then 'Corrected by the editors'
        else if ($e/self::abbr) then 'Abbreviation in the source'
        else if ($e/self::expan) then 'Expansion by the editors'
        else if ($e/self::orig) then 'Spelling of the source'
        else if ($e/self::reg) then 'Regularised by the editors'
        else if ($e/self::surplus) then concat('Superfluous', fp:reason($e))
        else if ($e/self::damage) then concat('Damaged', fp:reason($e))
        else if ($e/self::restore) then 'Restored'
        else if ($e/self::space) then concat('Space left blank', if ($extent != '') then concat(': ', $extent) else '')
        else ()"/>
    <xsl:sequence select="if (exists($title)) then concat($title, $hand)
                          else if ($hand != '') then substring($hand, 3) else ()"/>
  </xsl:function>

  <!-- ' (reason)' from @reason, '' when there is none. -->
  <xsl:function name="fp:reason" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="reason" as="xs:string" select="normalize-space(string-join(($e/@reason, $e/@agent), ', '))"/>
    <xsl:sequence select="if ($reason = '') then '' else concat(' (', $reason, ')')"/>
  </xsl:function>

  <!-- Who made an intervention, for a tooltip: the compilers of the source, the editors (no @resp, #editors), else the id @resp names. -->
  <xsl:function name="fp:resp-phrase" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="id" as="xs:string" select="fp:resp-id($e)"/>
    <xsl:sequence select="if ($id = 'compilers') then 'the compilers of the source'
                          else if ($id = ('', 'editors')) then 'the editors' else $id"/>
  </xsl:function>

  <xsl:function name="f:notes-of-kind" as="element(note)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="f:doc-notes($tei)[f:note-kind(.) = $kind]"/>
  </xsl:function>

  <!--
    The HTML id of the note's marker at one of its targets: the anchor's own
    id for the first note at an anchor (so 'doc068-a2' stays a link target),
    else NOTEID-ref (NOTEID-ref-N for the Nth of several targets).
  -->
  <xsl:function name="f:note-ref-id" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="target" as="element()?"/>
    <xsl:variable name="targets" as="element()*" select="f:note-targets($note)"/>
    <xsl:variable name="position" as="xs:integer?"
      select="if ($target) then (for $i in 1 to count($targets) return if ($targets[$i] is $target) then $i else ())[1] else ()"/>
    <xsl:sequence select="
        if ($target/self::anchor and f:notes-at($target)[1] is $note) then f:safe-name($target/@xml:id)
        else if (count($targets) gt 1 and exists($position)) then concat(f:note-id($note), '-ref-', $position)
        else concat(f:note-id($note), '-ref')"/>
  </xsl:function>

  <!-- The ids of all the note's markers in the text (for links from the note back to the text). -->
  <xsl:function name="f:note-ref-ids" as="xs:string*">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="if (f:is-inline-note($note)) then f:note-ref-id($note, ())
                          else for $t in f:note-targets($note) return f:note-ref-id($note, $t)"/>
  </xsl:function>

  <!-- A note anchor of the source (anchor[@type='note'] with @n) that no note points at. -->
  <xsl:function name="f:is-orphan-anchor" as="xs:boolean">
    <xsl:param name="anchor" as="element()"/>
    <xsl:sequence select="exists($anchor/self::anchor[normalize-space(@n) != '']) and empty(f:notes-at($anchor))"/>
  </xsl:function>

  <!--
    A page-relative href for a TEI pointer, or () when it must not become a
    link. '#id' stays a fragment; a pointer into a register file becomes the
    entry page; 'docNNN.xml#id' becomes 'docNNN.html#id'; 'edition.xml'
    becomes 'about.html'; other safe URLs pass unchanged. $root is the path
    from the current page to the site root ('' or '../').
  -->
  <xsl:function name="f:site-href" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:param name="root" as="xs:string"/>
    <xsl:variable name="clean" as="xs:string" select="f:clean-url($target)"/>
    <xsl:variable name="register-page" as="xs:string?" select="f:register-page($clean)"/>
    <xsl:choose>
      <xsl:when test="not(f:is-safe-url($clean))"/>
      <xsl:when test="starts-with($clean, '#')">
        <xsl:sequence select="concat('#', f:safe-name(substring($clean, 2)))"/>
      </xsl:when>
      <xsl:when test="exists($register-page)">
        <xsl:sequence select="concat($root, $register-page)"/>
      </xsl:when>
      <xsl:when test="map:size($fp:document-bases) gt 0 and not(contains($clean, '/')) and not(contains($clean, ':'))">
        <!-- The folder's documents are known: a pointer to one of them goes to its page, by its output name; any other is no link. -->
        <xsl:variable name="file" as="xs:string" select="if (contains($clean, '#')) then substring-before($clean, '#') else $clean"/>
        <xsl:variable name="base" as="xs:string?" select="$fp:document-bases($file)"/>
        <xsl:variable name="fragment" as="xs:string" select="substring-after($clean, '#')"/>
        <xsl:sequence select="if (exists($base))
                              then concat($root, $base, '.html', if ($fragment = '') then '' else concat('#', f:safe-name($fragment)))
                              else if (matches($clean, '^(\./)?edition\.xml(#.*)?$')) then concat($root, 'about.html')
                              else ()"/>
      </xsl:when>
      <xsl:when test="matches($clean, '^(\./)?edition\.xml(#.*)?$')">
        <xsl:sequence select="concat($root, 'about.html')"/>
      </xsl:when>
      <xsl:when test="matches($clean, '^(\./)?[A-Za-z0-9_\-][A-Za-z0-9._\-]*\.xml(#.+)?$')">
        <xsl:variable name="file" as="xs:string" select="replace($clean, '^(\./)?([^#]+)\.xml(#.*)?$', '$2')"/>
        <xsl:variable name="fragment" as="xs:string" select="substring-after($clean, '#')"/>
        <xsl:sequence select="concat($root, f:safe-name($file), '.html',
                                     if ($fragment = '') then '' else concat('#', f:safe-name($fragment)))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$clean"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A language tag fit for an HTML lang attribute (BCP 47, f:bcp47: 'fra' gives 'fr'), or () when the value is not one. -->
  <xsl:function name="f:lang-tag" as="xs:string?">
    <xsl:param name="lang" as="attribute()?"/>
    <xsl:sequence select="if (matches(string($lang), '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$'))
                          then f:bcp47(normalize-space($lang)) else ()"/>
  </xsl:function>

  <!--
    A language code as BCP 47 writes it: a three-letter ISO 639-2 code that
    has a two-letter one (the sources write 'fra', 'deu', 'ger', 'eng' …)
    becomes that ('fra' → 'fr', 'ger-AT' → 'de-AT'); any other code stays.
  -->
  <xsl:function name="f:bcp47" as="xs:string">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="primary" as="xs:string" select="substring-before(concat($code, '-'), '-')"/>
    <xsl:variable name="two" as="xs:string?"
      select="if (string-length($primary) = 3) then $fp:iso639-2(lower-case($primary)) else ()"/>
    <xsl:sequence select="if (exists($two)) then concat($two, substring($code, 4)) else $code"/>
  </xsl:function>

  <xsl:variable name="fp:iso639-2" as="map(xs:string, xs:string)" select="map {
      'fra': 'fr', 'fre': 'fr', 'deu': 'de', 'ger': 'de', 'eng': 'en', 'ita': 'it', 'lat': 'la', 'rus': 'ru',
      'spa': 'es', 'por': 'pt', 'nld': 'nl', 'dut': 'nl', 'pol': 'pl', 'ces': 'cs', 'cze': 'cs', 'slk': 'sk',
      'slo': 'sk', 'slv': 'sl', 'hrv': 'hr', 'srp': 'sr', 'bul': 'bg', 'ron': 'ro', 'rum': 'ro', 'hun': 'hu',
      'ukr': 'uk', 'bel': 'be', 'heb': 'he', 'yid': 'yi', 'ell': 'el', 'gre': 'el', 'swe': 'sv', 'dan': 'da',
      'nor': 'no', 'fin': 'fi', 'isl': 'is', 'ice': 'is', 'jpn': 'ja', 'zho': 'zh', 'chi': 'zh', 'ara': 'ar',
      'tur': 'tr', 'kat': 'ka', 'geo': 'ka', 'aze': 'az', 'cat': 'ca', 'lit': 'lt', 'lav': 'lv', 'est': 'et' }"/>

  <!--
    A value for an HTML <time datetime> in a text: f:date-datetime of a date
    with @when only. A range or a single bound is not one point in time, and
    its earliest bound would claim a day (or month) the source does not give.
  -->
  <xsl:function name="f:html-datetime" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="if (normalize-space($date/@when) != '') then f:date-datetime($date) else ()"/>
  </xsl:function>

  <!-- The certainty of a date in words (' (uncertain)'), '' when none is stated or it is high. -->
  <xsl:function name="f:cert-note" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="cert" as="xs:string" select="normalize-space($e/@cert)"/>
    <xsl:sequence select="if ($cert = ('', 'high')) then '' else concat(' (certainty: ', $cert, ')')"/>
  </xsl:function>

  <!--
    The language of a document's text as an HTML lang tag: the text's
    xml:lang, else the TEI's, else the first language of its langUsage,
    else $text-lang (the build option lang); () when none is known.
  -->
  <xsl:function name="f:text-lang" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="given" as="xs:string*"
      select="($tei/text/@xml:lang, $tei/@xml:lang, $tei/teiHeader/profileDesc/langUsage/language[1]/@ident)/normalize-space(.), normalize-space($text-lang)"/>
    <xsl:sequence select="$given[matches(., '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$')][1] ! f:bcp47(.)"/>
  </xsl:function>


  <!-- ===== Hands ===== -->

  <xsl:function name="f:hand-notes" as="element(handNote)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/teiHeader//(handDesc | handNotes)/handNote"/>
  </xsl:function>

  <!-- $document-files by file name, and by file name without '.xml': the output base name (common/urls.xsl). -->
  <xsl:variable name="fp:document-bases" as="map(xs:string, xs:string)"
    select="map:merge(for $k in map:keys($fp:document-facts) return map:entry($k, $fp:document-facts($k)[1]))"/>

  <!-- The previous and next document of the one $node is in, for the prev and next links; () when none. -->
  <xsl:function name="f:previous-document" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="normalize-space(if (exists($batch-documents)) then fp:batch-entry($node)[2] else $prev-doc)[. != '']"/>
  </xsl:function>

  <xsl:function name="f:next-document" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="normalize-space(if (exists($batch-documents)) then fp:batch-entry($node)[3] else $next-doc)[. != '']"/>
  </xsl:function>

  <!-- ===== Coordinates ===== -->

  <!--
    Does a location name another place by pointer (a placeName, settlement …
    with @ref or @key)? Then it says where the entry lies (the PMB's
    location type="located_in_place"), and its geo is that place's.
  -->
  <xsl:function name="fp:names-other-place" as="xs:boolean">
    <xsl:param name="location" as="element()"/>
    <xsl:sequence select="exists($location/*[self::placeName or self::settlement or self::region or self::country
                                             or self::district or self::bloc or self::geogName][@ref or @key])"/>
  </xsl:function>

  <!-- Is a geo a place entry's own coordinates: in the place, or in a location of it that names no other place? -->
  <xsl:function name="fp:is-own-geo" as="xs:boolean">
    <xsl:param name="geo" as="element()"/>
    <xsl:sequence select="exists($geo/parent::place)
                          or exists($geo/parent::location[parent::place][not(fp:names-other-place(.))])"/>
  </xsl:function>

  <!--
    Coordinates as a reader writes them, 'lat, long': two numbers separated
    by white space, in TEI's default notation or with decimal commas
    ('48,208333 16,373056'), become '48.208333, 16.373056'; anything else is
    shown as written.
  -->
  <xsl:function name="fp:geo-text" as="xs:string">
    <xsl:param name="geo" as="element()"/>
    <xsl:variable name="text" as="xs:string" select="normalize-space($geo)"/>
    <xsl:sequence select="if (matches($text, '^-?[0-9]+([.,][0-9]+)? -?[0-9]+([.,][0-9]+)?$'))
                          then string-join(for $n in tokenize($text, ' ') return translate($n, ',', '.'), ', ')
                          else $text"/>
  </xsl:function>

</xsl:stylesheet>
