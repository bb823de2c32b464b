<?xml version="1.0" encoding="UTF-8"?>
<!--
  html/text.xsl: mode m:html, TEI phrase and block content to HTML. Used for
  the reading text, note bodies, header fragments (hands, physical
  description, correspondence) and the about page.

  Every element without a rule of its own becomes <span class="tei-NAME">
  (or <div> when it is, or holds, a block) with all its content, so no
  text is lost. Safety: attributes of the source are never copied; only
  sanitised ids, lang tags that look like lang tags, 'rend-' classes from
  plain @rend tokens, and hrefs that pass f:is-safe-url.

  Tunnel parameters:
    $root     path from the page to the site root ('' or '../'), for links;
    $in-link  true inside a link, so no link is nested in another;
    $heading-offset  how many heading levels the page uses above the text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:mode name="m:html" on-no-match="text-only-copy"/>

  <!--
    Whether the sources hold a note with @target, or a word-joining break (lb, pb, cb with
    break="no"), at all: most letters have neither, and two patterns below then fail at their
    first predicate instead of asking, for every element with an id and every text node, what a
    function or the sibling axes say. The sources are the documents of a batch and the global
    context item (a TEI document or the teiCorpus); without a global context item, true (the
    patterns then ask as before).
  -->
  <xsl:variable name="fp:targeted-notes" as="xs:boolean">
    <xsl:try select="exists(($batch-documents, /)//note[@target])">
      <xsl:catch select="true()"/>
    </xsl:try>
  </xsl:variable>
  <xsl:variable name="fp:break-joins" as="xs:boolean">
    <xsl:try select="exists(($batch-documents, /)//*[@break = 'no'][self::lb or self::pb or self::cb])">
      <xsl:catch select="true()"/>
    </xsl:try>
  </xsl:variable>

  <!-- ===== Attributes ===== -->

  <!--
    The HTML attributes of a rendered TEI element: class (tei-NAME, extra classes, type-TYPE,
    rend-TOKEN), id from xml:id, lang from xml:lang, and a title describing an intervention or
    hand. A named template, which the templates below call inside the element they make: its
    attributes go straight onto that element. A function returning attribute nodes makes
    each one apart from any element first and then copies it (in SaxonJS about 20 microseconds an
    element more). Its parameters carry no declared type: SaxonJS checks one at every call.
  -->
  <xsl:template name="fp:html-attributes">
    <xsl:param name="e" select="."/>
    <xsl:param name="classes" select="()"/>
    <!--
      Most elements have none of the attributes below and no extra class, and are no intervention:
      one test then gives their class at once (each further path costs SaxonJS microseconds; with
      this test the page costs about 17 % less on the Schnitzler letters, xslt-cost side by side).
    -->
    <xsl:choose>
      <xsl:when test="empty($classes) and empty($e/(@type | @rend | @hand | @xml:id | @xml:lang))
                      and not(contains($fp:intervention-names-string,
                                       concat('|', local-name($e), '|')))">
        <xsl:attribute name="class" select="concat('tei-', local-name($e))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="class" select="if (empty($classes) and not($e/@type or $e/@rend or $e/@hand)) then concat('tei-', local-name($e))
                                            else fp:class-list($e, $classes)"/>
        <xsl:if test="$e/@xml:id and normalize-space($e/@xml:id) != ''">
          <xsl:attribute name="id" select="f:safe-name($e/@xml:id)"/>
        </xsl:if>
        <xsl:if test="$e/@xml:lang and exists(f:lang-tag($e/@xml:lang))">
          <xsl:attribute name="lang" select="f:lang-tag($e/@xml:lang)"/>
        </xsl:if>
        <!-- Only interventions and hands have a title: asked here, not in a function, for every element. -->
        <xsl:if test="$e/@hand or contains($fp:intervention-names-string,
                                           concat('|', local-name($e), '|'))">
          <xsl:variable name="title" as="xs:string?" select="fp:intervention-title($e)"/>
          <xsl:if test="exists($title)">
            <xsl:attribute name="title" select="$title"/>
          </xsl:if>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The class attribute of fp:html-attributes when the element has @type, @rend or @hand.
    A token is tested with translate(), not matches(): a regular expression costs SaxonJS several
    microseconds a call, and this runs for most elements of a letter.
  -->
  <xsl:function name="fp:class-list" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="classes" as="xs:string*"/>
    <xsl:variable name="type" as="xs:string*"
      select="if (empty($e/@type)) then () else for $t in tokenize(normalize-space($e/@type), ' ')
              return if (translate($t, $fp:type-chars, '') = '') then concat('type-', lower-case($t)) else ()"/>
    <xsl:variable name="rend" as="xs:string*"
      select="if (empty($e/@rend)) then () else for $t in tokenize(normalize-space($e/@rend), ' ')
              return if (translate($t, $fp:rend-chars, '') = '') then concat('rend-', $t) else ()"/>
    <xsl:sequence select="string-join(distinct-values((concat('tei-', local-name($e)), $classes, $type, $rend,
                                                       if ($e/@hand) then 'has-hand' else (),
                                                       if ($rend = 'rend-underline' and normalize-space($e/@n) = '2') then 'underline-double' else ())), ' ')"/>
  </xsl:function>

  <!-- The characters of '^[A-Za-z0-9\-]+$' (a @type token) and of '^[a-z0-9\-]+$' (a @rend token). -->
  <xsl:variable name="fp:type-chars" as="xs:string" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-'"/>
  <xsl:variable name="fp:rend-chars" as="xs:string" select="'abcdefghijklmnopqrstuvwxyz0123456789-'"/>

  <!-- ===== Generic ===== -->

  <!--
    The common case of fp:html-attributes (no attribute that adds to the class, id, lang or title;
    no intervention) is tested here, in the two rules most elements go through, this one and the
    names': a call of a named template costs SaxonJS more than the test (min CPU per letter, side
    by side: −10 % for the page of a generated letter, −4 % on the Schnitzler letters).
  -->
  <xsl:template match="*" mode="m:html" as="node()*">
    <xsl:element name="{if (f:is-block(.) or f:holds-block(.)) then 'div' else 'span'}">
      <xsl:choose>
        <xsl:when test="empty(@type | @rend | @hand | @xml:id | @xml:lang)
                        and not(contains($fp:intervention-names-string, concat('|', local-name(), '|')))">
          <xsl:attribute name="class" select="concat('tei-', local-name())"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fp:html-attributes"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A manuscript's identifier (a witness's, in the full description): its parts separated by ', ', as in the text file. -->
  <xsl:template match="msIdentifier" mode="m:html" as="node()*">
    <div class="tei-msIdentifier">
      <xsl:for-each select="*">
        <xsl:if test="position() gt 1">
          <xsl:text>, </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="." mode="m:html"/>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- Next to a word-joining break (f:join-breaks). A pattern, not a function call, for the many text nodes that are not. -->
  <xsl:template match="text()[$fp:break-joins][preceding-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no']
                              or following-sibling::node()[1][self::lb or self::pb or self::cb][@break = 'no']]"
                mode="m:html" priority="0.25" as="node()*">
    <xsl:value-of select="f:join-breaks(.)"/>
  </xsl:template>

  <!--
    Initials in a note's prose stay with the name, as a marked name does in
    the text (.tei-persName): 'S. S. Kamenev', 'Lenin V. I.' never break
    after an initial. A note names many persons without persName. A name
    is a capital and a small letter at least, so an archival signature
    ('Op. 6/S. D. 15') is not taken for one.
    Capitals and small letters are spelt out as ranges of the Latin (with
    Latin-1 and Extended-A), Cyrillic and Greek alphabets, not as \p{Lu}
    and \p{Ll}: SaxonJS builds a Unicode category's class again at every
    call, which cost this rule about 1.4 ms a text node (the page of a
    generated letter with five notes went from 27 to 96 ms, xslt/README.md);
    the ranges cost about 25 µs. Latin Extended-A alternates capital and
    small letters, so its whole range (Ā-ž) stands in both classes.
  -->
  <xsl:template match="text()[contains(., '. ')][ancestor::note]" mode="m:html" priority="0.2" as="node()*">
    <xsl:analyze-string select="." regex="([A-ZÀ-ÖØ-ÞĀ-žЀ-ЯΑ-Ω]\.\s+)+[A-ZÀ-ÖØ-ÞĀ-žЀ-ЯΑ-Ω][a-zß-öø-ÿĀ-žа-џα-ω][A-Za-zÀ-ÖØ-öø-žЀ-џΑ-Ωα-ω\-’']*|[A-ZÀ-ÖØ-ÞĀ-žЀ-ЯΑ-Ω][a-zß-öø-ÿĀ-žа-џα-ω][A-Za-zÀ-ÖØ-öø-žЀ-џΑ-Ωα-ω\-’']*\s+[A-ZÀ-ÖØ-ÞĀ-žЀ-ЯΑ-Ω]\.(\s*[A-ZÀ-ÖØ-ÞĀ-žЀ-ЯΑ-Ω]\.)*">
      <xsl:matching-substring>
        <span class="initials"><xsl:value-of select="."/></span>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:value-of select="."/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!--
    Indentation inside an element that holds only elements is not text:
    'opera<subst> <del>e</del> <add>urum</add> </subst>' reads 'operaurum'.
    common/plain.xsl reads subst the same way (choice and app give only
    their sides' content, rdgGrp is silent).
  -->
  <xsl:template match="subst | substJoin" mode="m:html" as="node()*">
    <xsl:element name="{if (f:holds-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates select="node()[not(self::text()[normalize-space(.) = ''])]" mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- Elements without reading text of their own and parts printed elsewhere: common/layout.xsl, for the page and the text alike. -->

  <!--
    A letter's own index, as many editions keep one in its back: the persons, places, organisations,
    events and works it names (back/listPerson, listPlace, listOrg, listEvent, listBibl). It is no
    reading text (common/plain.xsl leaves it out of the text and the JSON). The page lists each
    entry on one line: its label, life dates (f:life-dates, as the Persons page) and occupations, its authority links; the entry's
    xml:id is the line's id, so the text's '#id' pointers reach it, and the label links to the
    entry's register page when the edition has one. The TEI download keeps every detail (the
    coordinates, name variants and descriptions the page leaves out). One template, by name: the
    generic rendering cost a Schnitzler letter's page a third of its time (about 190 elements
    in back against 50 in the body).
  -->
  <xsl:template match="back/listPerson | back/listPlace | back/listOrg | back/listEvent | back/listBibl" mode="m:html" priority="30" as="node()*">
    <xsl:param name="root" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="2"/>
    <section class="named-index named-{local-name()}">
      <xsl:element name="h{min((6, max((1, $heading-offset))))}">
        <xsl:value-of select="if (normalize-space(head[1]) != '') then normalize-space(head[1])
                              else if (self::listPerson) then 'Persons named'
                              else if (self::listPlace) then 'Places named'
                              else if (self::listOrg) then 'Organisations named'
                              else if (self::listEvent) then 'Events named'
                              else 'Works named'"/>
      </xsl:element>
      <ul>
        <xsl:for-each select="* except head">
          <li>
            <xsl:if test="@xml:id">
              <xsl:attribute name="id" select="f:safe-name(@xml:id)"/>
            </xsl:if>
            <xsl:variable name="label" as="xs:string"
              select="if (self::bibl or self::biblStruct or self::event)
                      then normalize-space(string((title, eventName, label, f:entry-names(.), .)[normalize-space(.) != ''][1]))
                      else f:entry-label(.)"/>
            <xsl:variable name="page" as="xs:string?" select="if (@xml:id) then f:register-page(concat('#', @xml:id)) else ()"/>
            <xsl:choose>
              <xsl:when test="exists($page)">
                <a href="{$root}{$page}"><xsl:value-of select="$label"/></a>
              </xsl:when>
              <xsl:otherwise>
                <span class="named-label"><xsl:value-of select="$label"/></span>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:variable name="details" as="xs:string*"
              select="(f:life-dates(.)[. != ''],
                       occupation/normalize-space()[. != ''],
                       (author, editor)[1]/normalize-space()[. != ''],
                       (date, desc/date)[1]/normalize-space()[. != ''])"/>
            <xsl:if test="exists($details)">
              <xsl:value-of select="concat(' (', string-join($details, '; '), ')')"/>
            </xsl:if>
            <xsl:for-each select="idno[starts-with(normalize-space(.), 'https://') or starts-with(normalize-space(.), 'http://')]">
              <xsl:text> </xsl:text>
              <a class="authority" href="{normalize-space(.)}">
                <xsl:value-of select="if (normalize-space(@type) != '') then normalize-space(@type) else 'link'"/>
              </a>
            </xsl:for-each>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>


  <!--
    Coordinates (geo). A register entry's parts carry the coordinates of other places: a person's
    birth or death place (birth/settlement/location/geo, as the PMB entries of the Schnitzler letters
    give them), the place a place lies in (a location naming it by pointer, with its geo). The
    place's name stands beside them, and is what a reader needs; so in an entry only the place's
    own coordinates are shown (fp:is-own-geo), as 'lat, long' (fp:geo-text). A rule by name: no
    other element pays for it.
  -->
  <xsl:template match="geo" mode="m:html" as="node()*">
    <xsl:choose>
      <xsl:when test="fp:is-own-geo(.)">
        <span class="tei-geo"><xsl:value-of select="fp:geo-text(.)"/></span>
      </xsl:when>
      <xsl:when test="exists(ancestor::*[self::person or self::personGrp or self::place or self::org or self::event])"/>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A front or back that holds nothing but parts printed elsewhere (heading, notes) is left out. -->
  <xsl:template match="front[every $c in * satisfies f:is-apart($c)][not(text()[normalize-space(.) != ''])]
                       | back[every $c in * satisfies f:is-apart($c)][not(text()[normalize-space(.) != ''])]"
                mode="m:html" priority="25" as="node()*"/>

  <!--
    An element a note points at (not an anchor): the element, then the
    note references; inside a block, at its end.
  -->
  <xsl:template match="*[$fp:targeted-notes][@xml:id][not(self::anchor or self::note)][exists(f:notes-at(.))]" mode="m:html" priority="20" as="node()*">
    <xsl:variable name="rendered" as="node()*">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:variable name="refs" as="element()*">
      <xsl:apply-templates select="." mode="m:html-noterefs"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="count($rendered) = 1 and $rendered/self::*[local-name() = ('div', 'figure', 'section', 'blockquote')]">
        <xsl:element name="{local-name($rendered)}">
          <xsl:sequence select="$rendered/@*, $rendered/node()"/>
          <span class="noterefs-after">
            <xsl:sequence select="$refs"/>
          </span>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$rendered, $refs"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The note references for the notes that point at an element (a mode so the tunnel parameters reach it). -->
  <xsl:mode name="m:html-noterefs" on-no-match="shallow-skip"/>

  <xsl:template match="*" mode="m:html-noterefs" as="element()*">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:sequence select="fp:note-refs(f:notes-at(.), ., $in-link)"/>
  </xsl:template>

  <!-- ===== Notes in the text ===== -->

  <!--
    For each note: <sup><button popovertarget>n</button></sup> and the note in place
    (html/document.xsl fp:note-in-place), wherever the marker stands: in the text, the
    heading, the card, the list of notes; inside a link (no button there) the number as
    plain text.
  -->
  <xsl:function name="fp:note-refs" as="element()*">
    <xsl:param name="notes" as="element(note)*"/>
    <xsl:param name="target" as="element()?"/>
    <xsl:param name="in-link" as="xs:boolean"/>
    <xsl:for-each select="$notes">
      <xsl:variable name="n" as="xs:string" select="f:note-number(.)"/>
      <xsl:variable name="label" as="xs:string"
        select="concat(if (f:note-kind(.) = 'editorial') then 'Editorial note ' else 'Note ', $n)"/>
      <xsl:variable name="ref-id" as="xs:string" select="f:note-ref-id(., $target)"/>
      <sup class="noteref{if (f:note-kind(.) = 'editorial') then ' noteref-editorial' else ''}">
        <xsl:choose>
          <xsl:when test="$in-link">
            <span id="{$ref-id}" title="{$label}">
              <xsl:value-of select="$n"/>
            </span>
          </xsl:when>
          <xsl:otherwise>
            <button type="button" id="{$ref-id}" class="noteref-button" popovertarget="{$ref-id}-note" aria-label="{$label}">
              <xsl:value-of select="$n"/>
            </button>
          </xsl:otherwise>
        </xsl:choose>
      </sup>
      <xsl:if test="not($in-link)">
        <!-- A marker in the reading text has its note in the side column on wide screens; any other, only when pressed. -->
        <xsl:sequence select="fp:note-in-place(., concat($ref-id, '-note'), $label, $n, exists(($target, .)[1]/ancestor::body))"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="anchor" mode="m:html" as="node()*">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="notes" as="element(note)*" select="f:notes-at(.)"/>
    <xsl:choose>
      <xsl:when test="exists($notes)">
        <xsl:sequence select="fp:note-refs($notes, ., $in-link)"/>
      </xsl:when>
      <xsl:when test="f:is-orphan-anchor(.)">
        <sup class="noteref noteref-orphan" title="The source prints this note number, but no note with it">
          <xsl:if test="normalize-space(@xml:id) != ''">
            <xsl:attribute name="id" select="f:safe-name(@xml:id)"/>
          </xsl:if>
          <xsl:value-of select="normalize-space(@n)"/>
        </sup>
      </xsl:when>
      <xsl:when test="normalize-space(@xml:id) != ''">
        <span class="tei-anchor" id="{f:safe-name(@xml:id)}"></span>
      </xsl:when>
    </xsl:choose>
    <!-- An anchor is empty in TEI, but some editions write words in it (anchor type="label"): they are text. -->
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>

  <!--
    A note in the text: a reference where it stands; its body goes to the
    notes. A note outside the text (in a header) or in a register's list
    (a register entry's) is shown where it stands, like any element.
  -->
  <xsl:template match="note" mode="m:html" as="node()*">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="notes-after" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="empty(ancestor::text) or f:in-register-list(.)">
        <xsl:next-match/>
      </xsl:when>
      <!-- Inside a linked name: the marker follows the link (the names' rule). -->
      <xsl:when test="$notes-after"/>
      <xsl:when test="f:is-inline-note(.)">
        <xsl:sequence select="fp:note-refs(., (), $in-link)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Structure ===== -->

  <xsl:template match="p" mode="m:html" as="node()*">
    <xsl:element name="{if (f:holds-block(.)) then 'div' else 'p'}">
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!--
    Paragraphs quoted in running text (<desc>ersetzt durch: »<quote><p>Post Restante</p><p>Salzburg</p></quote>«</desc>):
    the quote is no block there (f:is-block), so neither are its paragraphs: spans, separated by
    ' / ', and the paragraph around stays one (valid HTML: no p inside a p).
  -->
  <xsl:template match="quote/p | q/p" mode="m:html" as="node()*">
    <xsl:choose>
      <xsl:when test="f:is-block(.)">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="preceding-sibling::p">
          <xsl:text> / </xsl:text>
        </xsl:if>
        <span>
          <xsl:call-template name="fp:html-attributes"/>
          <xsl:apply-templates mode="m:html"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A head of a division is a heading, one level below the page's own headings. -->
  <xsl:template match="head[parent::*[local-name() = $fp:division-names or self::group or self::text]]" mode="m:html" as="node()*">
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="2"/>
    <xsl:variable name="level" as="xs:integer"
      select="min((6, $heading-offset + count(ancestor::*[local-name() = $fp:division-names][not(self::body or self::front or self::back)]) ))"/>
    <xsl:element name="h{max((1, $level))}">
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!--
    An address or envelope (div type="address", as the Schnitzler letters set the envelope before
    the letter; type="envelope") without a head of its own: headed 'Address' ('Envelope'), at the
    level a head of it would have, so that it does not run into the letter. The text file says
    '⟨Address⟩' (common/plain.xsl).
  -->
  <xsl:template match="div[@type = ('address', 'envelope')][empty(head)]" mode="m:html" as="node()*">
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="2"/>
    <xsl:variable name="level" as="xs:integer"
      select="min((6, $heading-offset + count(ancestor-or-self::*[local-name() = $fp:division-names][not(self::body or self::front or self::back)]) ))"/>
    <div>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:element name="h{max((1, $level))}">
        <xsl:attribute name="class" select="'div-label'"/>
        <xsl:value-of select="f:division-label(.)"/>
      </xsl:element>
      <xsl:apply-templates mode="m:html"/>
    </div>
  </xsl:template>

  <!--
    Every lb of the source is a line break on the page, one inside a word
    (break="no") too, so that the lines stand as the source has them and
    none is lost; the word's two halves stay together in the text outputs.
    One line-break mode per view (assets/edition.css): the diplomatic view
    keeps every lb; in a text that breaks a word across a line end, and so
    gives the source's lines, the reading view joins the word and runs
    every line on (the space after an lb's br stands between the words).
  -->
  <xsl:template match="lb" mode="m:html" as="node()*">
    <xsl:choose>
      <xsl:when test="@break = 'no'">
        <br class="lb-in-word"/>
      </xsl:when>
      <xsl:otherwise>
        <br class="lb"/>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cb | milestone" mode="m:html" as="node()*">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="pb" mode="m:html" as="node()*">
    <xsl:if test="normalize-space(@n) != ''">
      <span class="tei-pb" title="Page break">
        <xsl:value-of select="concat('⟨p. ', normalize-space(@n), '⟩')"/>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="addrLine" mode="m:html" as="node()*">
    <xsl:if test="preceding-sibling::addrLine">
      <br/>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="emph" mode="m:html" as="node()*">
    <em>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </em>
  </xsl:template>

  <xsl:template match="title[not(f:is-block(.) or f:holds-block(.))]" mode="m:html" as="node()*">
    <cite>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </cite>
  </xsl:template>

  <!--
    A date with @when: <time datetime>. A range or a bound (from/to,
    notBefore/notAfter) is no point in time, and <time> can hold only one:
    a span whose title gives both ends and the certainty ('between 23 March
    1920 and 10 April 1920 (certainty: medium)').
  -->
  <xsl:template match="date[not(f:holds-block(.))] | docDate[not(parent::front)][not(f:holds-block(.))]" mode="m:html" as="node()*">
    <xsl:variable name="datetime" as="xs:string?" select="f:html-datetime(.)"/>
    <xsl:choose>
      <xsl:when test="exists($datetime) and not(f:is-block(.))">
        <time datetime="{$datetime}">
          <xsl:call-template name="fp:html-attributes"/>
          <xsl:apply-templates mode="m:html"/>
        </time>
      </xsl:when>
      <xsl:when test="empty(@when) and (@from or @to or @notBefore or @notAfter) and not(f:is-block(.))">
        <span>
          <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="'date-range'"/></xsl:call-template>
          <xsl:attribute name="title" select="concat(f:capitalise(f:date-attribute-label(.)), f:cert-note(.))"/>
          <xsl:apply-templates mode="m:html"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="table[row]" mode="m:html" as="node()*">
    <table>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:if test="head">
        <caption>
          <xsl:apply-templates select="head/node()" mode="m:html"/>
        </caption>
      </xsl:if>
      <tbody>
        <xsl:apply-templates select="node() except head" mode="m:html"/>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="table[row]/row" mode="m:html" as="node()*">
    <tr>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates select="cell" mode="m:html"/>
    </tr>
  </xsl:template>

  <xsl:template match="table[row]/row/cell" mode="m:html" as="node()*">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:if test="@cols castable as xs:positiveInteger">
        <xsl:attribute name="colspan" select="xs:integer(@cols)"/>
      </xsl:if>
      <xsl:if test="@rows castable as xs:positiveInteger">
        <xsl:attribute name="rowspan" select="xs:integer(@rows)"/>
      </xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- An embedded letter or telegram, framed, with a caption from its correspDesc. -->
  <xsl:template match="floatingText" mode="m:html" as="node()*">
    <xsl:variable name="corresp" as="element()?"
      select="f:local-target(tokenize(normalize-space(@decls), ' ')[1], ancestor::TEI[1])[self::correspDesc]"/>
    <xsl:variable name="sent" as="element()?" select="f:action-date(f:corresp-action($corresp, 'sent'))"/>
    <figure>
      <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="'embedded-text'"/></xsl:call-template>
      <figcaption>
        <xsl:value-of select="concat('Embedded ', if (normalize-space(@type) != '') then normalize-space(@type) else 'text',
                                     if ($corresp) then concat(': ', f:corresp-summary($corresp)) else '',
                                     if ($sent) then concat(', ', f:date-text($sent)) else '')"/>
      </figcaption>
      <blockquote class="embedded-body">
        <xsl:apply-templates mode="m:html"/>
      </blockquote>
    </figure>
  </xsl:template>

  <!-- ===== Names and links ===== -->

  <!--
    A name pointing into a register links to the entry page. A name with several pointers (<rs
    ref="#pmb13973 #pmb13970">Benedikt</rs>: two persons) links to the first, and after the link to
    each other entry that has a page, by a small '+' whose label names the entry. A note inside a
    linked name would be an inert number inside the link (a link holds no button): its marker goes
    after the link instead ($notes-after tells the note rule to leave it out inside).
  -->
  <xsl:template match="persName | placeName | orgName | name | rs" mode="m:html" as="node()*">
    <xsl:param name="root" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" as="xs:string?" select="if (@ref) then f:register-href(@ref, $root) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link) and not(f:holds-block(.))">
        <xsl:variable name="notes" as="element(note)*" select="if (exists(*)) then .//note[f:is-inline-note(.)] else ()"/>
        <a href="{$href}">
          <xsl:choose>
            <!-- fp:html-attributes' common case, tested here (see the generic rule); a name is no intervention. -->
            <xsl:when test="empty(@type | @rend | @hand | @xml:id | @xml:lang)">
              <xsl:attribute name="class" select="concat('tei-', local-name(), ' name')"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="'name'"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:apply-templates mode="m:html">
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
            <xsl:with-param name="notes-after" select="exists($notes)" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
        <xsl:if test="contains(normalize-space(@ref), ' ')">
          <xsl:variable name="tei" as="element()?" select="ancestor::TEI[1]"/>
          <xsl:for-each select="subsequence(tokenize(normalize-space(@ref), ' '), 2)">
            <xsl:variable name="page" as="xs:string?" select="f:register-page(.)"/>
            <xsl:if test="exists($page) and concat($root, $page) != $href">
              <xsl:variable name="entry" as="element()?" select="f:local-target(., $tei)"/>
              <xsl:variable name="label" as="xs:string" select="if (exists($entry)) then f:entry-label($entry) else replace(., '^.*#', '')"/>
              <sup class="name-more"><a href="{$root}{$page}" title="Also: {$label}" aria-label="Also: {$label}">+</a></sup>
            </xsl:if>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="exists($notes)">
          <xsl:sequence select="fp:note-refs($notes, (), false())"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    ref and ptr link only to safe URLs (http, https, mailto, relative); .xml pointers go to the pages.
    An empty ref whose target is one to resolve (f:is-empty-ref-target: a bare name or an ISO date)
    reads as f:empty-ref says (common/urls.xsl): its lead word ('See ', 'cf. ') before the link, a
    document's title or a date as the link's text; a document the folder does not hold stays as
    written, marked (class ref-unresolved, a title saying so); any other as written. Any other
    empty ref or ptr (a web address, '#id') reads as its address, cleaned.
  -->
  <xsl:template match="ref | ptr" mode="m:html" as="node()*">
    <xsl:param name="root" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="target" as="xs:string?" select="tokenize(normalize-space(@target), ' ')[1]"/>
    <xsl:variable name="href" as="xs:string?" select="if (exists($target)) then f:site-href($target, $root) else ()"/>
    <xsl:variable name="empty-ref" as="xs:string*" select="if (self::ref and empty(node()) and f:is-empty-ref-target($target)) then f:empty-ref(.) else ()"/>
    <xsl:value-of select="$empty-ref[1]"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link) and not(f:holds-block(.))">
        <a href="{$href}">
          <xsl:call-template name="fp:html-attributes"/>
          <!-- in-link: a name inside is no link of its own, a note inside a plain number (no a in an a, no button in an a). -->
          <xsl:apply-templates mode="m:html">
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:choose>
            <xsl:when test="$empty-ref[3] = 'resolved'">
              <xsl:value-of select="$empty-ref[2]"/>
            </xsl:when>
            <xsl:when test="self::ptr or (self::ref and empty(node()))">
              <xsl:value-of select="f:clean-url($target)"/>
            </xsl:when>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (f:holds-block(.)) then 'div' else 'span'}">
          <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes"
            select="if (exists($target) and empty($href) and not($empty-ref[3] = 'resolved')) then 'link-refused' else (),
                    if ($empty-ref[3] = 'unresolved') then 'ref-unresolved' else ()"/></xsl:call-template>
          <xsl:if test="$empty-ref[3] = 'unresolved'">
            <xsl:attribute name="title" select="concat('Reference to ', $target, ', which this edition does not hold')"/>
          </xsl:if>
          <xsl:apply-templates mode="m:html"/>
          <xsl:choose>
            <xsl:when test="exists($empty-ref)">
              <xsl:value-of select="$empty-ref[2]"/>
            </xsl:when>
            <xsl:when test="self::ptr or (self::ref and empty(node()))">
              <xsl:value-of select="$target"/>
            </xsl:when>
          </xsl:choose>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Images are linked, not embedded: the site cannot know where the source's image files are. -->
  <xsl:template match="graphic | media" mode="m:html" as="node()*">
    <xsl:param name="root" as="xs:string" tunnel="yes" select="''"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" as="xs:string?" select="if (@url) then f:site-href(@url, $root) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link)">
        <a href="{$href}">
          <xsl:call-template name="fp:html-attributes"/>
          <xsl:text>[image]</xsl:text>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="if (@url) then 'link-refused' else ()"/></xsl:call-template>
          <xsl:text>[image]</xsl:text>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Interventions ===== -->

  <!--
    supplied: the compilers' of the source in their square brackets, as
    printed (class by-compilers: the diplomatic view keeps them); this
    edition's in the editorial mark ⟨…⟩, as in the text file.
  -->
  <xsl:template match="supplied" mode="m:html" as="node()*">
    <xsl:variable name="compilers" as="xs:boolean" select="f:by-compilers(.)"/>
    <xsl:element name="{if (f:holds-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="if ($compilers) then 'by-compilers' else ()"/></xsl:call-template>
      <span class="bracket">
        <xsl:value-of select="if ($compilers) then '[' else '⟨'"/>
      </span>
      <xsl:apply-templates mode="m:html"/>
      <span class="bracket">
        <xsl:value-of select="if ($compilers) then ']' else '⟩'"/>
      </span>
    </xsl:element>
  </xsl:template>

  <!-- Quoted words: in quotation marks that are real text (f:quotation-marks); a block q is a block. -->
  <xsl:template match="q[not(f:is-block(.) or f:holds-block(.))] | mentioned[not(f:holds-block(.))] | soCalled[not(f:holds-block(.))]" mode="m:html" as="node()*">
    <xsl:variable name="marks" as="xs:string*" select="f:quotation-marks(.)"/>
    <xsl:element name="{if (self::q) then 'q' else 'span'}">
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:value-of select="$marks[1]"/>
      <xsl:apply-templates mode="m:html"/>
      <xsl:value-of select="$marks[2]"/>
    </xsl:element>
  </xsl:template>

  <!--
    choice: the source's form (sic, abbr, orig) first, then the reading
    (corr, expan, reg) in the editorial mark, as in the text file:
    'Pre ⟨Chairman⟩'; an empty reading puts the source's form in braces,
    'mit{t}i'. Classes 'diplomatic' and 'reading' let the view switch show
    one side only (has-reading: there is a reading to show instead of the
    source's form); the marks show only when both sides do.
  -->
  <xsl:template match="choice" mode="m:html" as="node()*">
    <xsl:variable name="reading" as="element()?" select="f:choice-reading(.)"/>
    <xsl:variable name="sources" as="element()*" select="f:choice-sources(.)"/>
    <xsl:variable name="taken-out" as="xs:boolean" select="exists($reading) and exists($sources) and normalize-space(string($reading)) = ''"/>
    <span>
      <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="if (exists($reading) and exists($sources)) then 'has-reading' else ()"/></xsl:call-template>
      <xsl:for-each select="$sources">
        <span>
          <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="'diplomatic'"/></xsl:call-template>
          <xsl:if test="position() gt 1">
            <span class="bracket"> / </span>
          </xsl:if>
          <xsl:if test="$taken-out and position() = 1">
            <span class="bracket">{</span>
          </xsl:if>
          <xsl:apply-templates mode="m:html"/>
          <xsl:if test="$taken-out and position() = last()">
            <span class="bracket">}</span>
          </xsl:if>
        </span>
      </xsl:for-each>
      <xsl:if test="$reading">
        <span>
          <xsl:call-template name="fp:html-attributes"><xsl:with-param name="e" select="$reading"/><xsl:with-param name="classes" select="'reading'"/></xsl:call-template>
          <xsl:if test="exists($sources) and not($taken-out)">
            <span class="bracket">
              <xsl:value-of select="if (normalize-space(string-join($sources, '')) != '') then ' ⟨' else '⟨'"/>
            </span>
          </xsl:if>
          <xsl:apply-templates select="$reading/node()" mode="m:html"/>
          <xsl:if test="exists($sources) and not($taken-out)">
            <span class="bracket">⟩</span>
          </xsl:if>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="sic[not(parent::choice)]" mode="m:html" as="node()*">
    <xsl:next-match/>
    <span class="sic-marker"> ⟨sic⟩</span>
  </xsl:template>

  <xsl:template match="del" mode="m:html" as="node()*">
    <del>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </del>
  </xsl:template>

  <xsl:template match="add" mode="m:html" as="node()*">
    <ins>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:apply-templates mode="m:html"/>
    </ins>
  </xsl:template>

  <xsl:template match="gap" mode="m:html" as="node()*">
    <span>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:value-of select="if (f:by-compilers(.)) then '[…]' else '⟨…⟩'"/>
    </span>
  </xsl:template>

  <!--
    An empty glyph: its character (f:glyph, common/layout.xsl), else a visible placeholder naming it.
    A c or g with content is its content (the generic rule).
  -->
  <xsl:template match="c[empty(node())] | g[empty(node())]" mode="m:html" as="node()*">
    <xsl:variable name="glyph" as="xs:string?" select="f:glyph(.)"/>
    <span>
      <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="if (empty($glyph)) then 'glyph-unknown' else ()"/></xsl:call-template>
      <xsl:if test="empty($glyph)">
        <xsl:attribute name="title" select="concat('Glyph ', f:glyph-name(.), ', not described by the source')"/>
      </xsl:if>
      <xsl:value-of select="if (exists($glyph)) then $glyph else concat('⟨', f:glyph-name(.), '⟩')"/>
    </span>
  </xsl:template>

  <!--
    A letterhead's lines and the parts of a line set left, right or centre (seg type="letterhead",
    seg rend="left|right|center"): each on a line of its own (edition.css: .seg-line), a space
    after it, so that the words stay apart without the style sheet too. The text and JSON make each
    a paragraph (common/plain.xsl).
  -->
  <xsl:template match="seg[@type = 'letterhead' or @rend = 'left' or @rend = 'right' or @rend = 'center']" mode="m:html" as="node()*">
    <xsl:element name="{if (f:is-block(.) or f:holds-block(.)) then 'div' else 'span'}">
      <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="'seg-line'"/></xsl:call-template>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!--
    A physical description given in attributes only, as the Schnitzler letters give theirs:
    <measure unit="seite" quantity="4"/> reads '4 Seiten' (f:measure-text), measures in a row
    separated by ', '; <typeNote medium="schreibmaschine"/> 'Schreibmaschine'; <objectType
    corresp="karte" ana="postkarte"/> 'Postkarte' (as the card's Type).
  -->
  <xsl:template match="measure[empty(node())][@unit or @quantity]" mode="m:html" as="node()*">
    <xsl:if test="preceding-sibling::*[1][self::measure]">
      <xsl:text>, </xsl:text>
    </xsl:if>
    <span class="tei-measure"><xsl:value-of select="f:measure-text(.)"/></span>
  </xsl:template>

  <xsl:template match="typeNote[empty(node())][@medium] | objectType[empty(node())][@ana or @corresp]" mode="m:html" as="node()*">
    <span class="tei-{local-name()}">
      <xsl:value-of select="f:capitalise(normalize-space(translate((@medium, @ana, @corresp)[normalize-space(.) != ''][1], '-_', '  ')))"/>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!--
    Postmarks: a stamp's parts (place, date, time …) separated by ', ' where the source puts nothing
    but space between two of them (f:stamp-separator, common/layout.xsl; the text says the same),
    stamps and the incidents of additions (one postmark each, in the Schnitzler letters) by '; ':
    'Wien 9/3, 22. 7. 93, 2–3 M; Salzburg Stadt, 23 7 93, 2 N'; 'Wien, <date>…' keeps its comma alone.
  -->
  <xsl:template match="stamp" mode="m:html" as="node()*">
    <xsl:if test="preceding-sibling::stamp">
      <xsl:text>; </xsl:text>
    </xsl:if>
    <span>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:for-each select="node()[normalize-space(.) != '']">
        <xsl:value-of select="f:stamp-separator(.)"/>
        <xsl:apply-templates select="." mode="m:html"/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="additions/incident" mode="m:html" as="node()*">
    <xsl:if test="preceding-sibling::incident">
      <xsl:text>; </xsl:text>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="space" mode="m:html" as="node()*">
    <span>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:text> </xsl:text>
    </span>
  </xsl:template>

  <!--
    A change of hand: a visible marker naming the hand, its description as the title. In words, from
    the hand the header declares ('⟨Stalin’s hand begins⟩', '⟨First hand begins⟩'), else from the
    person @scribe names ('⟨Hermann Bahr’s hand begins⟩'), else from @medium ('⟨Change of hand:
    typewriter⟩'), else '⟨Change of hand⟩'.
  -->
  <xsl:template match="handShift" mode="m:html" as="node()*">
    <xsl:variable name="hand" as="element()?" select="f:hand-of(@new)"/>
    <xsl:variable name="label" as="xs:string?" select="if ($hand) then () else f:hand-shift-label(.)"/>
    <span>
      <xsl:call-template name="fp:html-attributes"><xsl:with-param name="classes" select="'hand-marker'"/></xsl:call-template>
      <xsl:if test="$hand">
        <xsl:attribute name="title" select="concat('Change of hand: ', normalize-space(string-join((f:hand-traits($hand), normalize-space(string($hand)))[. != ''], '; ')))"/>
      </xsl:if>
      <xsl:value-of select="concat('⟨',
          if ($hand) then concat(fp:hand-name($hand), ' begins')
          else if (normalize-space(@scribe) != '') then concat($label, '’s hand begins')
          else if (normalize-space(@new) != '') then concat('Hand ', $label, ' begins')
          else if (exists($label)) then concat('Change of hand: ', $label)
          else 'Change of hand',
          f:cert-note(.), '⟩')"/>
    </span>
  </xsl:template>

  <!-- app: the lemma in the text, with a reference to its apparatus entry. -->
  <xsl:template match="app" mode="m:html" as="node()*">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="id" as="xs:string" select="f:app-id(.)"/>
    <span>
      <xsl:call-template name="fp:html-attributes"/>
      <xsl:attribute name="id" select="$id"/>
      <span class="lem">
        <xsl:apply-templates select="f:app-lemma(.)/node()" mode="m:html"/>
      </span>
      <sup class="appref">
        <xsl:choose>
          <xsl:when test="$in-link">
            <xsl:value-of select="f:app-label(.)"/>
          </xsl:when>
          <xsl:otherwise>
            <a href="#{$id}-apparatus" role="doc-noteref" aria-label="Apparatus entry {f:app-label(.)}">
              <xsl:value-of select="f:app-label(.)"/>
            </a>
          </xsl:otherwise>
        </xsl:choose>
      </sup>
    </span>
  </xsl:template>

</xsl:stylesheet>
