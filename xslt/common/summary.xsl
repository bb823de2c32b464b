<?xml version="1.0" encoding="UTF-8"?>
<!--
  summary.xsl: what one document contributes to the pages that span the
  edition (index.html, json/index.json, the register pages and their JSON,
  cmif.xml), as one small element, made from the whole document:

    <s:document file="doc068" id="doc068" n="68" title="…" number-label="No. 68" type="telegram"
                sort-date="1920-03-21" datetime="1920-03-21" dated="yes" date-words="March 21 [1920]"
                date-when="1920-03-21" date-text="March 21 [1920]">
      <s:corresp main="yes" summary="Trotsky → Stalin" part="…" embedded="yes">   (every correspDesc, in order)
        <s:action type="sent" subtype="…">         (every correspAction of type sent or received, in order; its @subtype if any)
          <s:agent name="Trotsky" ref="persons.xml#trotsky" element="persName" pointer="persons.xml#trotsky"/>
          <s:place name="Tsaritsyn" ref="places.xml#tsaritsyn" pointer="…"/>   (or uri="…": CMIF's @ref)
          <s:date iso="1920-03-21" text="…"/>        (the first date: JSON)
          <s:cmif-date when="1920-03-21"/>           (the first date with a dating attribute: CMIF)
        </s:action>
      </s:corresp>
      <s:names doc="doc068" role="sender" corresp="main" entries="persons#trotsky"/>
      <s:names doc="doc068" role="text" entries="persons#stalin places#baku orgs#red-army"/>
      <s:names doc="doc068" role="note" note="doc068-n2" note-n="2" note-kind="source" entries="places#baku"/>
    </s:document>

  Every value is the string the edition-wide outputs print (the functions
  of header.xsl, dates.xsl, names.xsl, notes.xsl and plain.xsl, applied
  here once), so the edition-wide transformation reads attributes and never
  the documents. s:names are the register entries the document names
  (@entries, 'kind#id' separated by spaces), a run of names of the same
  place at a time, in document order: by the main correspDesc or another
  one (role sender, recipient, place-sent, place-received, with @corresp
  main or other), elsewhere in the header (header), in the text (text) or
  in a note (note, with the outermost note's id, number and kind). An entry
  may come again in a later run: the outputs list a document, a note or a
  role once, in the order the names first come. An agent's or place's @pointer is the register
  pointer CMIF resolves against the registers (as kind.xml#id, however the source wrote it); @uri the URI it takes
  otherwise (from the document's own particDesc, or a web URI).
  Mode m:summary, on a TEI element.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:mode name="m:summary" on-no-match="shallow-skip"/>

  <xsl:template match="*" mode="m:summary" as="element(s:document)">
    <xsl:variable name="tei" as="element()" select="."/>
    <xsl:variable name="file" as="xs:string" select="f:doc-file($tei)"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
    <xsl:variable name="attributes-date" as="element()?" select="f:doc-date-attributes($tei)"/>
    <xsl:variable name="dated" as="element()?" select="f:doc-date($tei)"/>
    <xsl:variable name="front-date" as="element()?" select="$tei/text/front/docDate[1]"/>
    <xsl:variable name="json-words" as="xs:string?" select="if ($front-date) then f:plain-line($front-date/node()) else ()"/>
    <s:document file="{$file}" id="{f:doc-id($tei)}" title="{f:doc-title($tei)}" sort-date="{f:date-sort-key($attributes-date)}"
        date-words="{if (empty($dated)) then '' else if ($dated/self::docDate) then f:plain-line($dated/node()) else string(f:date-text($dated))}">
      <xsl:for-each select="f:doc-number($tei)">
        <xsl:attribute name="n" select="."/>
      </xsl:for-each>
      <xsl:for-each select="f:doc-number-label($tei)">
        <xsl:attribute name="number-label" select="."/>
      </xsl:for-each>
      <xsl:for-each select="f:doc-type($tei)">
        <xsl:attribute name="type" select="."/>
      </xsl:for-each>
      <xsl:if test="exists($dated)">
        <xsl:attribute name="dated" select="'yes'"/>
      </xsl:if>
      <xsl:for-each select="f:date-datetime($attributes-date)">
        <xsl:attribute name="datetime" select="."/>
      </xsl:for-each>
      <xsl:for-each select="f:date-iso($attributes-date)">
        <xsl:attribute name="date-when" select="."/>
      </xsl:for-each>
      <xsl:for-each select="($json-words, f:date-text($attributes-date))[normalize-space(.) != ''][1]">
        <xsl:attribute name="date-text" select="."/>
      </xsl:for-each>
      <xsl:for-each select="f:corresp-descs($tei)">
        <xsl:variable name="part" as="element()?" select="f:corresp-text-part(.)"/>
        <s:corresp summary="{f:corresp-summary(.)}">
          <xsl:if test=". is $main">
            <xsl:attribute name="main" select="'yes'"/>
          </xsl:if>
          <xsl:if test="exists($part)">
            <xsl:attribute name="embedded" select="'yes'"/>
          </xsl:if>
          <xsl:if test="normalize-space($part/@xml:id) != ''">
            <xsl:attribute name="part" select="f:safe-name($part/@xml:id)"/>
          </xsl:if>
          <xsl:for-each select="correspAction[@type = ('sent', 'received')]">
            <s:action type="{@type}">
              <xsl:for-each select="@subtype[normalize-space(.) != '']">
                <xsl:attribute name="subtype" select="normalize-space(.)"/>
              </xsl:for-each>
              <xsl:for-each select="persName | orgName | name | rs">
                <s:agent name="{f:name-string(.)}"
                    element="{if (self::orgName or (not(self::persName) and @type = ('org', 'organisation', 'organization'))) then 'orgName' else 'persName'}">
                  <xsl:sequence select="fp:summary-ref(.)"/>
                </s:agent>
              </xsl:for-each>
              <xsl:for-each select="placeName | settlement">
                <s:place name="{f:name-string(.)}">
                  <xsl:sequence select="fp:summary-ref(.)"/>
                </s:place>
              </xsl:for-each>
              <xsl:for-each select="date[1]">
                <s:date>
                  <xsl:for-each select="f:date-iso(.)">
                    <xsl:attribute name="iso" select="."/>
                  </xsl:for-each>
                  <xsl:for-each select="f:date-text(.)[normalize-space(.) != '']">
                    <xsl:attribute name="text" select="."/>
                  </xsl:for-each>
                </s:date>
              </xsl:for-each>
              <xsl:for-each select="date[@when or @from or @to or @notBefore or @notAfter][1]">
                <s:cmif-date>
                  <xsl:for-each select="@when, @from, @to, @notBefore, @notAfter">
                    <xsl:attribute name="{local-name()}" select="normalize-space(.)"/>
                  </xsl:for-each>
                </s:cmif-date>
              </xsl:for-each>
            </s:action>
          </xsl:for-each>
        </s:corresp>
      </xsl:for-each>
      <!-- Only a document with TEI nested in it has names that are not its own. -->
      <xsl:variable name="refs" as="element()*"
        select="if (exists($tei//TEI)) then $tei//*[@ref or self::handNote/@corresp or self::handShift/@scribe][ancestor::TEI[1] is $tei]
                else $tei//*[@ref or self::handNote/@corresp or self::handShift/@scribe]"/>
      <!--
        Names with a @key (persName, placeName, orgName, rs of such a type) and
        no register pointer: one s:key per kind and key, with the first name
        given, so that the Persons, Places and Organisations pages can group
        them by key when there is no register.
      -->
      <xsl:for-each-group select="$tei//*[@key][normalize-space(@key) != ''][empty(fp:register-pointer(tokenize(normalize-space(@ref), ' ')[1]))]"
                          group-by="concat(fp:key-kind(.), ' ', normalize-space(@key))">
        <xsl:variable name="kind" as="xs:string" select="fp:key-kind(.)"/>
        <xsl:if test="$kind != ''">
          <s:key kind="{$kind}" key="{normalize-space(@key)}" name="{normalize-space(string(.))}"/>
        </xsl:if>
      </xsl:for-each-group>
      <!--
        A foreign folder's documents may describe the persons, places and
        organisations they name in lists of their own (a letter's
        back/listPerson, particDesc …): a copy of each such entry, which the
        edition-wide pages merge by id into register entries
        (common/registers.xsl) so that every name is findable. The build
        counts them among the register entries (src/site/foreign.ts), so
        '#id' names link to their entry pages.
      -->
      <xsl:if test="$f:foreign">
        <xsl:variable name="own-entries" as="element()*" select="$tei//(person | personGrp | place | org)[@xml:id]"/>
        <xsl:if test="exists($own-entries)">
          <s:entries>
            <xsl:copy-of select="$own-entries" copy-namespaces="no"/>
          </s:entries>
        </xsl:if>
      </xsl:if>
      <!-- A run of names of the same role (and correspDesc, and note) is one s:names, each entry named once. -->
      <xsl:for-each-group select="fp:document-occurrences($tei, $refs, $main)" group-adjacent="concat(@role, ' ', @corresp, ' ', @note)">
        <s:names doc="{$file}" entries="{distinct-values(current-group()/@entry)}">
          <xsl:sequence select="@* except @entry"/>
        </s:names>
      </xsl:for-each-group>
    </s:document>
  </xsl:template>

  <!--
    A name's @ref as the outputs read it: @ref (whitespace normalised, for
    the JSON), and for CMIF the first of its pointers that gives a URI:
    @pointer for a register pointer (the registers resolve it), else @uri
    (the authority URI of the particDesc entry a '#id' names, or a web URI).
  -->
  <xsl:function name="fp:summary-ref" as="attribute()*">
    <xsl:param name="name" as="element()"/>
    <xsl:for-each select="$name/@ref">
      <xsl:attribute name="ref" select="normalize-space(.)"/>
    </xsl:for-each>
    <xsl:variable name="tei" as="element()?" select="$name/ancestor::TEI[1]"/>
    <xsl:variable name="found" as="xs:string*" select="
        (for $t in tokenize(normalize-space($name/@ref), ' ')
         return
           if (exists(f:register-page($t))) then concat('p', string-join(fp:register-pointer($t), '.xml#'))
           else if (starts-with($t, '#')) then (for $u in f:authority-uris(f:local-target($t, $tei))[1] return concat('u', $u))
           else if (f:is-web-uri($t)) then concat('u', f:clean-url($t))
           else ())[1]"/>
    <xsl:for-each select="$found">
      <xsl:attribute name="{if (starts-with(., 'p')) then 'pointer' else 'uri'}" select="substring(., 2)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The register a keyed name belongs in: 'persons', 'places', 'orgs', or '' for another kind of name. -->
  <xsl:function name="fp:key-kind" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="type" as="xs:string" select="f:entity-type($name)"/>
    <xsl:sequence select="if ($type = 'person') then 'persons' else if ($type = 'place') then 'places'
                          else if ($type = ('org', 'organisation', 'organization')) then 'orgs' else ''"/>
  </xsl:function>

  <!--
    The occurrences made by some name elements of one document: one per
    element and register entry it names (@entry is 'persons#id' and so on),
    with its role, and for a sender's, recipient's or place's name whether
    the main correspDesc names it (@corresp), for a name in a note that
    note's id, number and kind. A note's attributes are worked out once for
    a run of names in it, and the register pointer is read with one literal
    replace per token (the pattern of fp:register-pointer).
  -->
  <xsl:function name="fp:document-occurrences" as="element(s:occurrence)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="refs" as="element()*"/>
    <xsl:param name="main" as="element(correspDesc)?"/>
    <xsl:iterate select="$refs">
      <xsl:param name="previous-note" as="element(note)?" select="()"/>
      <xsl:param name="previous-details" as="xs:string*" select="()"/>
      <xsl:variable name="note" as="element(note)?"
        select="if (parent::correspAction or ancestor::teiHeader) then () else ancestor::note[ancestor::text][last()]"/>
      <!-- The note's id, number and kind. -->
      <xsl:variable name="details" as="xs:string*" select="
          if (empty($note)) then ()
          else if (exists($previous-note) and $note is $previous-note) then $previous-details
          else (f:note-id($note), f:note-number($note), f:note-kind($note))"/>
      <xsl:variable name="action" as="element(correspAction)?" select="parent::correspAction"/>
      <xsl:variable name="role" as="xs:string" select="
          if (exists($note)) then 'note'
          else if (empty($action)) then (if (ancestor::teiHeader) then 'header' else 'text')
          else if (self::placeName or self::settlement)
          then (if ($action/@type = 'received') then 'place-received' else 'place-sent')
          else (if ($action/@type = 'received') then 'recipient' else 'sender')"/>
      <xsl:variable name="corresp" as="xs:string?" select="
          if (empty($action)) then () else if ($action/parent::correspDesc is $main) then 'main' else 'other'"/>
      <!-- A hand's person (handNote/@corresp, handShift/@scribe) is named too: its entry gets its page. -->
      <xsl:for-each select="distinct-values(for $t in tokenize(normalize-space(string((@ref, self::handNote/@corresp, self::handShift/@scribe)[1])), ' ')
          return (let $entry := replace($t, '^(\./)?(.*/)?(persons|places|orgs)\.xml#([^#\s]+)$', '$3#$4')
                  return if ($entry ne $t) then $entry
                         else string-join(fp:register-entry-pointer($t), '#')[. != '']))">
        <s:occurrence entry="{.}" role="{$role}">
          <xsl:if test="exists($corresp)">
            <xsl:attribute name="corresp" select="$corresp"/>
          </xsl:if>
          <xsl:if test="exists($note)">
            <xsl:attribute name="note" select="$details[1]"/>
            <xsl:attribute name="note-n" select="$details[2]"/>
            <xsl:attribute name="note-kind" select="$details[3]"/>
          </xsl:if>
        </s:occurrence>
      </xsl:for-each>
      <xsl:next-iteration>
        <xsl:with-param name="previous-note" select="$note"/>
        <xsl:with-param name="previous-details" select="$details"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

</xsl:stylesheet>
