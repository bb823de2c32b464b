<?xml version="1.0" encoding="UTF-8"?>
<!--
  header.xsl: what the outputs read from a teiHeader. Number, title,
  correspondence (correspDesc), archival identifiers, physical description,
  hands; and whether a TEI is a register. Every output asks these
  functions, so HTML, text, JSON and CMIF agree on them.
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- ===== Registers ===== -->

  <!-- Is this TEI a register (a body holding listPerson, listPlace or listOrg)? -->
  <xsl:function name="f:is-register" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="exists($tei/text/body//(listPerson | listPlace | listOrg))"/>
  </xsl:function>

  <!--
    The title from a header: title[@type='main'], else the title of the
    piece itself (level a: not the series a letter belongs to), else a
    title with neither level nor type, else the first title.
  -->
  <xsl:function name="f:header-title" as="xs:string">
    <xsl:param name="header" as="element(teiHeader)?"/>
    <xsl:variable name="titles" as="element()*" select="$header/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(string(($titles[@type = 'main'], $titles[@level = 'a'], $titles[not(@level or @type)], $titles)[1]))"/>
  </xsl:function>

  <!-- ===== One document ===== -->

  <!-- The document's id: its xml:id, else 'document'. -->
  <xsl:function name="f:doc-id" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="if (normalize-space($tei/@xml:id) != '') then normalize-space($tei/@xml:id) else 'document'"/>
  </xsl:function>

  <!--
    The output base name of a document: $doc-file for the document being
    transformed on its own; inside a corpus the base name of the TEI's
    xml:base when the build sets one (xml:base="doc068.xml"), else its
    xml:id. The result is always sanitised.
  -->
  <xsl:function name="f:doc-file" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="base" as="xs:string"
      select="replace(replace(normalize-space($tei/@xml:base), '^.*/', ''), '\.xml$', '', 'i')"/>
    <xsl:sequence select="
        if (exists($tei/parent::document-node()) and normalize-space(fp:file-parameter($tei)) != '') then f:safe-name(fp:file-parameter($tei))
        else if ($base != '') then f:safe-name($base)
        else f:safe-name(f:doc-id($tei))"/>
  </xsl:function>

  <!-- The number in the collection: @n, else the digits of titlePart[@type='number']. -->
  <xsl:function name="f:doc-number" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="printed" as="xs:string"
      select="normalize-space(string(($tei/text/front//titlePart[@type = 'number'])[1]))"/>
    <xsl:sequence select="
        if (normalize-space($tei/@n) != '') then normalize-space($tei/@n)
        else if (matches($printed, '\d')) then replace($printed, '^\D*(\d[^\s]*).*$', '$1')
        else ()"/>
  </xsl:function>

  <!-- The number as printed ('No. 68'), else 'No. ' and @n, else (). -->
  <xsl:function name="f:doc-number-label" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="printed" as="xs:string"
      select="normalize-space(string(($tei/text/front//titlePart[@type = 'number'])[1]))"/>
    <xsl:variable name="n" as="xs:string?" select="f:doc-number($tei)"/>
    <xsl:sequence select="if ($printed != '') then $printed
                          else if (exists($n)) then concat('No. ', $n) else ()"/>
  </xsl:function>

  <!-- The editors' title: titleStmt/title (main, else first), else the front's main titlePart. -->
  <xsl:function name="f:doc-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="header" as="xs:string" select="f:header-title($tei/teiHeader)"/>
    <xsl:variable name="front" as="xs:string"
      select="normalize-space(string(($tei/text/front//titlePart[not(@type = 'number')])[1]))"/>
    <xsl:sequence select="if ($header != '') then $header else if ($front != '') then $front else 'Untitled document'"/>
  </xsl:function>

  <!--
    The kind of document: its genre, the first body div's @type ("telegram"), else objectDesc/@form, msDesc/@type (the physical form: "leaf", "telegraph-form" only when nothing else says), else ().
    In a foreign folder a div's @type names a part of the text ("address", "writingSession",
    "salutation"), not the document: there the kind is the sourceDesc's objectType (its text, else
    its @ana, else its @corresp: the Schnitzler letters' "postkarte", "brief"), else the physical form.
  -->
  <xsl:function name="f:doc-type" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space((if ($f:foreign) then (for $o in ($tei/teiHeader/fileDesc/sourceDesc//objectType)[1] return (string($o), string($o/@ana), string($o/@corresp)))
                                           else $tei/text/body/div[1]/@type,
                                           f:ms-desc($tei)/physDesc/objectDesc/@form,
                                           f:ms-desc($tei)/@type)[normalize-space(.) != ''][1])[. != '']"/>
  </xsl:function>

  <!-- The dated heading of the document: front/docDate, else the date of sending. -->
  <xsl:function name="f:doc-date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/text/front//docDate, f:action-date(f:corresp-action(f:main-corresp($tei), 'sent')))[1]"/>
  </xsl:function>

  <!-- The dating element that carries attributes: docDate when dated, else the date of sending. -->
  <xsl:function name="f:doc-date-attributes" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(($tei/text/front//docDate)[@when or @from or @to or @notBefore or @notAfter],
                           f:action-date(f:corresp-action(f:main-corresp($tei), 'sent')),
                           f:action-date(f:corresp-action(f:main-corresp($tei), 'received')))
                          [@when or @from or @to or @notBefore or @notAfter][1]"/>
  </xsl:function>

  <!-- ===== Correspondence ===== -->

  <xsl:function name="f:corresp-descs" as="element(correspDesc)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/teiHeader/profileDesc/correspDesc"/>
  </xsl:function>

  <!--
    The correspDesc of the document itself: the first one no text part
    claims through @decls (an embedded letter's floatingText does), else the first.
  -->
  <xsl:function name="f:main-corresp" as="element(correspDesc)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="all" as="element(correspDesc)*" select="f:corresp-descs($tei)"/>
    <!-- With one correspDesc or none the answer is plain without reading the whole text for @decls
         (most letters have one, and the corpus pages ask for every document several times). -->
    <xsl:sequence select="if (empty($all[2])) then $all
                          else (let $claimed := $tei/text//@decls/f:local-ids(.) return ($all[not(@xml:id = $claimed)], $all)[1])"/>
  </xsl:function>

  <!-- The other correspDescs: embedded or further letters. -->
  <xsl:function name="f:other-corresps" as="element(correspDesc)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
    <xsl:sequence select="f:corresp-descs($tei)[not(. is $main)]"/>
  </xsl:function>

  <!-- The text part (floatingText, div) that claims a correspDesc through @decls, if any. -->
  <xsl:function name="f:corresp-text-part" as="element()?">
    <xsl:param name="corresp" as="element(correspDesc)"/>
    <xsl:variable name="id" as="xs:string" select="string($corresp/@xml:id)"/>
    <xsl:sequence select="if ($id = '') then ()
                          else ($corresp/ancestor::TEI[1]/text//*[@decls][f:local-ids(@decls) = $id])[1]"/>
  </xsl:function>

  <xsl:function name="f:corresp-action" as="element(correspAction)?">
    <xsl:param name="corresp" as="element(correspDesc)?"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="$corresp/correspAction[@type = $type][1]"/>
  </xsl:function>

  <!-- The persons and organisations of every correspAction of a type ('sent', 'received') of a correspDesc, in order. -->
  <xsl:function name="f:corresp-agents" as="element()*">
    <xsl:param name="corresp" as="element(correspDesc)?"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="$corresp/correspAction[@type = $type]/(persName | orgName | name | rs)"/>
  </xsl:function>

  <!-- The persons and organisations of a correspAction. -->
  <xsl:function name="f:action-agents" as="element()*">
    <xsl:param name="action" as="element(correspAction)?"/>
    <xsl:sequence select="$action/(persName | orgName | name | rs)"/>
  </xsl:function>

  <xsl:function name="f:action-place" as="element()?">
    <xsl:param name="action" as="element(correspAction)?"/>
    <xsl:sequence select="$action/(placeName | settlement)[1]"/>
  </xsl:function>

  <xsl:function name="f:action-date" as="element()?">
    <xsl:param name="action" as="element(correspAction)?"/>
    <xsl:sequence select="$action/date[1]"/>
  </xsl:function>

  <!-- 'Trotsky → Stalin': the agents of every correspAction of sending and of receiving, '?' for a missing side. -->
  <xsl:function name="f:corresp-summary" as="xs:string">
    <xsl:param name="corresp" as="element(correspDesc)?"/>
    <xsl:sequence select="concat(fp:agents-string(f:corresp-agents($corresp, 'sent')), ' → ',
                                 fp:agents-string(f:corresp-agents($corresp, 'received')))"/>
  </xsl:function>

  <xsl:function name="fp:agents-string" as="xs:string">
    <xsl:param name="agents" as="element()*"/>
    <xsl:variable name="names" as="xs:string*" select="$agents/f:name-string(.)[. != '']"/>
    <xsl:sequence select="if (exists($names)) then string-join($names, ', ') else '?'"/>
  </xsl:function>

  <!-- ===== Archival description ===== -->

  <!--
    The manuscript described: sourceDesc/msDesc, else the first witness's
    (sourceDesc/listWit/witness/msDesc, as the Schnitzler letters write it).
  -->
  <xsl:function name="f:ms-desc" as="element(msDesc)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="source" as="element()?" select="$tei/teiHeader/fileDesc/sourceDesc[1]"/>
    <xsl:sequence select="($source/msDesc, ($source/listWit//witness)[1]/msDesc)[1]"/>
  </xsl:function>

  <!--
    The archival reference as the source prints it
    (altIdentifier[@type='printed']/idno), else one put together from
    msIdentifier, else ().
  -->
  <xsl:function name="f:archival-citation" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="id" as="element()?" select="f:ms-desc($tei)/msIdentifier"/>
    <xsl:variable name="printed" as="xs:string"
      select="normalize-space(string(($id/altIdentifier[@type = 'printed']/idno)[1]))"/>
    <xsl:variable name="built" as="xs:string"
      select="string-join(($id/(country, settlement, institution, repository, collection, idno)/normalize-space(.),
                           f:folios($tei))[. != ''], ', ')"/>
    <xsl:sequence select="if ($printed != '') then $printed else if ($built != '') then $built else ()"/>
  </xsl:function>

  <!-- The idno that holds the archival reference as printed, if the header has one. -->
  <xsl:function name="f:printed-citation" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(f:ms-desc($tei)/msIdentifier/altIdentifier[@type = 'printed']/idno)[normalize-space(.) != ''][1]"/>
  </xsl:function>

  <xsl:function name="f:repository" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(string(f:ms-desc($tei)/msIdentifier/repository[1]))[. != '']"/>
  </xsl:function>

  <!-- The shelfmark as one idno without a type ('Yale Collection of German Literature, MSS 31'). -->
  <xsl:function name="f:ms-shelfmark" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(string(f:ms-desc($tei)/msIdentifier/idno[not(@type)][1]))[. != '']"/>
  </xsl:function>

  <xsl:function name="f:settlement" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(string(f:ms-desc($tei)/msIdentifier/settlement[1]))[. != '']"/>
  </xsl:function>

  <xsl:function name="f:ms-country" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(string(f:ms-desc($tei)/msIdentifier/country[1]))[. != '']"/>
  </xsl:function>

  <!-- One part of the shelfmark: msIdentifier/idno[@type = 'fond' | 'opis' | 'delo' | …]. -->
  <xsl:function name="f:ms-idno" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="normalize-space(string(f:ms-desc($tei)/msIdentifier/idno[@type = $type][1]))[. != '']"/>
  </xsl:function>

  <!-- The leaves: '4-7' from locus @from/@to ('3' when equal), else the locus text. -->
  <xsl:function name="f:folios" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="locus" as="element()?" select="(f:ms-desc($tei)/msContents//locus)[1]"/>
    <xsl:variable name="from" as="xs:string" select="normalize-space($locus/@from)"/>
    <xsl:variable name="to" as="xs:string" select="normalize-space($locus/@to)"/>
    <xsl:sequence select="
        if ($from != '' and $to != '' and $from != $to) then concat($from, '-', $to)
        else if ($from != '') then $from
        else if ($to != '') then $to
        else normalize-space(string($locus))[. != '']"/>
  </xsl:function>

  <!-- The physical description as printed: the paragraphs of objectDesc (or of physDesc). -->
  <xsl:function name="f:physical-description" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="phys" as="element()?" select="f:ms-desc($tei)/physDesc[1]"/>
    <xsl:sequence select="($phys/objectDesc//p, $phys/p)"/>
  </xsl:function>

  <!--
    A short name for a hand: @scribe; else the first person named in it;
    else the entry id of @scribeRef ('persons.xml#stalin' gives 'Stalin');
    else the person its @corresp points at in the same document ('#pmb27910',
    as the Schnitzler letters write it, gives 'Lisa Clarus', f:pointer-person);
    else what its xml:id says after 'hand-' ('doc069-hand-first' gives
    'First'); else its id; else 'unidentified'.
  -->
  <xsl:function name="f:hand-label" as="xs:string">
    <xsl:param name="hand" as="element()?"/>
    <xsl:variable name="person" as="xs:string" select="normalize-space(string(($hand//persName)[1]))"/>
    <xsl:variable name="scribe-ref" as="xs:string"
      select="replace(normalize-space(tokenize(normalize-space($hand/@scribeRef), ' ')[1]), '^.*#', '')"/>
    <xsl:variable name="id" as="xs:string" select="normalize-space($hand/@xml:id)"/>
    <xsl:sequence select="
        if (normalize-space($hand/@scribe) != '') then fp:scribe-name($hand/@scribe)
        else if ($person != '') then $person
        else if ($scribe-ref != '') then fp:words-from-id($scribe-ref)
        else if (starts-with(normalize-space($hand/@corresp), '#')) then f:pointer-person($hand/@corresp)
        else if (matches($id, 'hand[\-_.]')) then fp:words-from-id(replace($id, '^.*hand[\-_.]', ''))
        else if ($id != '') then $id
        else 'unidentified'"/>
  </xsl:function>

  <!--
    The person a '#id' pointer (handNote/@corresp, handShift/@scribe) names in its own document,
    as a reader writes the name ('Lisa Clarus' from forename and surname), else the id.
  -->
  <xsl:function name="f:pointer-person" as="xs:string">
    <xsl:param name="pointer" as="attribute()"/>
    <xsl:variable name="token" as="xs:string" select="string(tokenize(normalize-space($pointer), ' ')[1])"/>
    <xsl:variable name="entry" as="element()?" select="f:local-target($token, $pointer/ancestor::TEI[1])"/>
    <xsl:variable name="name" as="element()?" select="($entry/persName[normalize-space(.) != ''])[1]"/>
    <xsl:sequence select="if (exists($name/surname) and empty($name/*[not(self::surname or self::forename)]))
                          then normalize-space(string-join(($name/forename, $name/surname), ' '))
                          else if (exists($entry)) then f:entry-label($entry)
                          else replace($token, '^#', '')"/>
  </xsl:function>

  <!--
    The scribe a @scribe names (handNote, handShift): a '#id' pointer the person it points at
    (f:pointer-person, '#pmb27910' gives 'Lisa Clarus'), else the value as written ('Stalin').
  -->
  <xsl:function name="fp:scribe-name" as="xs:string">
    <xsl:param name="scribe" as="attribute()"/>
    <xsl:sequence select="if (starts-with(normalize-space($scribe), '#')) then f:pointer-person($scribe) else normalize-space($scribe)"/>
  </xsl:function>

  <!--
    What a hand's attributes say of it, in words: @medium and @style ('schwarze-tinte',
    'deutsche-kurrent' give 'schwarze tinte, deutsche kurrent'; 'nicht-anzuwenden', not applicable,
    says nothing).
  -->
  <xsl:function name="f:hand-traits" as="xs:string?">
    <xsl:param name="hand" as="element()?"/>
    <xsl:variable name="words" as="xs:string*"
      select="for $a in ($hand/@medium, $hand/@style) return normalize-space(translate($a, '-_', '  '))[. != ''][. != 'nicht anzuwenden']"/>
    <xsl:sequence select="string-join($words, ', ')[. != '']"/>
  </xsl:function>

  <!--
    The hand a change of hand (handShift) begins, in words for the text file: the hand @new names
    (f:hand-label), else the person @scribe names, else @medium in words, else ().
  -->
  <xsl:function name="f:hand-shift-label" as="xs:string?">
    <xsl:param name="shift" as="element()"/>
    <xsl:variable name="hand" as="element()?" select="f:hand-of($shift/@new)"/>
    <xsl:sequence select="
        if (exists($hand)) then f:hand-label($hand)
        else if (normalize-space($shift/@scribe) != '') then fp:scribe-name($shift/@scribe)
        else if (normalize-space($shift/@new) != '') then replace(normalize-space($shift/@new), '^#', '')
        else if (normalize-space($shift/@medium) != '') then normalize-space(translate($shift/@medium, '-_', '  '))
        else ()"/>
  </xsl:function>

  <!--
    A measure given in attributes only, '4 Seiten', '1 Kuvert', '1582 Zeichen': the quantity and the
    unit, in the plural the Schnitzler letters' units take (blatt, seite, karte, kuvert,
    zeichenanzahl); another unit as written.
  -->
  <xsl:function name="f:measure-text" as="xs:string">
    <xsl:param name="measure" as="element()"/>
    <xsl:variable name="q" as="xs:string" select="normalize-space($measure/@quantity)"/>
    <xsl:variable name="unit" as="xs:string" select="lower-case(normalize-space($measure/@unit))"/>
    <xsl:variable name="one" as="xs:boolean" select="$q = '1'"/>
    <xsl:variable name="word" as="xs:string" select="
        if ($unit = 'blatt') then (if ($one) then 'Blatt' else 'Blätter')
        else if ($unit = 'seite') then (if ($one) then 'Seite' else 'Seiten')
        else if ($unit = 'karte') then (if ($one) then 'Karte' else 'Karten')
        else if ($unit = 'kuvert') then (if ($one) then 'Kuvert' else 'Kuverts')
        else if ($unit = 'zeichenanzahl') then 'Zeichen'
        else if ($unit = ('kartenbrief', 'telegramm', 'widmung')) then f:capitalise($unit)
        else normalize-space($measure/@unit)"/>
    <xsl:sequence select="normalize-space(concat($q, ' ', $word))"/>
  </xsl:function>

  <!-- The string with its first letter in upper case. -->
  <xsl:function name="f:capitalise" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="concat(upper-case(substring($s, 1, 1)), substring($s, 2))"/>
  </xsl:function>

  <!-- 'first-hand' to 'First hand'. -->
  <xsl:function name="fp:words-from-id" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="f:capitalise(normalize-space(translate($id, '-_.', '   ')))"/>
  </xsl:function>

  <!-- The handNote a '#id' pointer (@new, @hand) names, in the pointer's own document. -->
  <xsl:function name="f:hand-of" as="element()?">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:sequence select="if (exists($pointer))
                          then f:local-target(tokenize(normalize-space($pointer), ' ')[1], $pointer/ancestor::TEI[1])
                          else ()"/>
  </xsl:function>

  <!-- The label of the hand a pointer names, or the pointer's id when it names nothing. -->
  <xsl:function name="f:hand-pointer-label" as="xs:string">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:variable name="hand" as="element()?" select="f:hand-of($pointer)"/>
    <xsl:sequence select="if ($hand) then f:hand-label($hand) else replace(normalize-space($pointer), '^#', '')"/>
  </xsl:function>

</xsl:stylesheet>
