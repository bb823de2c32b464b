<?xml version="1.0" encoding="UTF-8"?>
<!--
  json/document.xsl: a document's JSON object (f:json-document) and the
  builders that write JSON text (fp:object, fp:array, fp:string, …), laid
  out and escaped as json.xsl describes. Included by json.xsl and
  corpus.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xmlns:m="urn:edition:modes"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:s="urn:edition:summary"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- ===== Writing JSON ===== -->

  <!-- An object: "key": value pairs, one a line; $values are JSON texts laid out for $indent + two spaces. -->
  <xsl:function name="fp:object" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="keys" as="xs:string*"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:variable name="inner" as="xs:string" select="concat(',&#10;', $indent, '  &quot;')"/>
    <xsl:sequence select="if (empty($keys)) then '{}'
                          else concat('{&#10;', $indent, '  &quot;',
                                      string-join(for $p in 1 to count($keys) return concat($keys[$p], '&quot;: ', $values[$p]), $inner),
                                      '&#10;', $indent, '}')"/>
  </xsl:function>

  <!-- An array; $items are JSON texts laid out for $indent + two spaces. -->
  <xsl:function name="fp:array" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="if (empty($items)) then '[]'
                          else concat('[&#10;', $indent, '  ', string-join($items, concat(',&#10;', $indent, '  ')), '&#10;', $indent, ']')"/>
  </xsl:function>

  <!-- A string, or null for (). -->
  <xsl:function name="fp:string" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="if (empty($value)) then 'null'
                          else if (matches($value, '[&quot;\\\p{Cc}]')) then fp:json-string($value)
                          else concat('&quot;', $value, '&quot;')"/>
  </xsl:function>

  <!-- A string with whitespace normalised, '' made null: for values read from the source. -->
  <xsl:function name="fp:text" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="normal" as="xs:string" select="normalize-space($value)"/>
    <xsl:sequence select="if ($normal = '') then 'null'
                          else if (matches($normal, '[&quot;\\\p{Cc}]')) then fp:json-string($normal)
                          else concat('&quot;', $normal, '&quot;')"/>
  </xsl:function>

  <!-- An array of strings: one test for the characters to escape, for the common case that none needs it. -->
  <xsl:function name="fp:strings" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:sequence select="if (empty($values)) then '[]'
                          else if (matches(string-join($values, ''), '[&quot;\\\p{Cc}]'))
                            then fp:array($indent, for $v in $values return fp:string($v))
                          else concat('[&#10;', $indent, '  &quot;', string-join($values, concat('&quot;,&#10;', $indent, '  &quot;')),
                                      '&quot;&#10;', $indent, ']')"/>
  </xsl:function>

  <!-- A number, or null for (). -->
  <xsl:function name="fp:number" as="xs:string">
    <xsl:param name="value" as="xs:integer?"/>
    <xsl:sequence select="if (empty($value)) then 'null' else string($value)"/>
  </xsl:function>

  <!-- A JSON string literal: '"' and '\' escaped, control characters as \n, \r, \t or \uXXXX. -->
  <xsl:function name="fp:json-string" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="escaped" as="xs:string"
      select="replace(replace(replace(replace(replace($s, '\\', '\\\\'), '&quot;', '\\&quot;'), '&#10;', '\\n'), '&#13;', '\\r'), '&#9;', '\\t')"/>
    <xsl:sequence select="concat('&quot;',
        if (not(matches($escaped, '\p{Cc}'))) then $escaped
        else string-join(for $c in string-to-codepoints($escaped)
                         return if ($c lt 32 or ($c ge 127 and $c lt 160))
                                  then concat('\u', substring(concat('000', fp:hex($c)), string-length(fp:hex($c)), 4))
                                else codepoints-to-string($c), ''),
        '&quot;')"/>
  </xsl:function>

  <!-- ===== Building blocks ===== -->

  <!-- {when, text} for a dating element. -->
  <xsl:function name="fp:date" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="dated" as="element()?"/>
    <xsl:param name="words" as="xs:string?"/>
    <xsl:sequence select="concat('{&#10;', $indent, '  &quot;when&quot;: ', fp:string(f:date-iso($dated)),
                                 ',&#10;', $indent, '  &quot;text&quot;: ', fp:text(($words, f:date-text($dated))[normalize-space(.) != ''][1]),
                                 '&#10;', $indent, '}')"/>
  </xsl:function>

  <!--
    One correspondent, {ref, name, place, placeRef, date, subtype}: a person
    or organisation of a correspAction (its @ref and name), with the action's
    place, date and @subtype (a step of a redirected or forwarded letter,
    'redirected', 'forwarded' …; null for none). Shared by a document's JSON
    and index.json. With $type (a postal step's), "type" comes first.
  -->
  <xsl:function name="fp:correspondent" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="name" as="xs:string?"/>
    <xsl:param name="place" as="xs:string?"/>
    <xsl:param name="place-ref" as="xs:string?"/>
    <xsl:param name="when" as="xs:string?"/>
    <xsl:param name="date-text" as="xs:string?"/>
    <xsl:param name="subtype" as="xs:string?"/>
    <xsl:param name="type" as="xs:string?"/>
    <xsl:variable name="next" as="xs:string" select="concat(',&#10;', $indent, '  &quot;')"/>
    <xsl:sequence select="concat('{&#10;', $indent, '  ',
                                 if (exists($type)) then concat('&quot;type&quot;: ', fp:text($type), ',&#10;', $indent, '  ') else '',
                                 '&quot;ref&quot;: ', fp:text($ref),
                                 $next, 'name&quot;: ', fp:text($name),
                                 $next, 'place&quot;: ', fp:text($place),
                                 $next, 'placeRef&quot;: ', fp:text($place-ref),
                                 $next, 'date&quot;: {&#10;', $indent, '    &quot;when&quot;: ', fp:string($when),
                                 ',&#10;', $indent, '    &quot;text&quot;: ', fp:text($date-text),
                                 '&#10;', $indent, '  }',
                                 $next, 'subtype&quot;: ', fp:text($subtype),
                                 '&#10;', $indent, '}')"/>
  </xsl:function>

  <!--
    One side of a correspDesc as an array: every person or organisation
    that its correspActions of $type ('sent', 'received') name, in document
    order, each with its action's place and date, as the page's card lists
    them; an action that names no one gives one object whose ref and name
    are null (its place and date are still known).
  -->
  <xsl:function name="fp:correspondents" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="corresp" as="element(correspDesc)?"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="fp:action-objects($indent, $corresp/correspAction[@type = $type], false())"/>
  </xsl:function>

  <!--
    The steps between sending and receipt: every correspAction of the
    correspDesc of another type than sent and received (transmitted,
    delivered, redirected, forwarded …), in document order, as
    correspondents with their action's type first; a step names no one by
    design, so one object whose ref and name are null.
  -->
  <xsl:function name="fp:steps" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="corresp" as="element(correspDesc)?"/>
    <xsl:sequence select="fp:action-objects($indent, $corresp/correspAction[not(@type = ('sent', 'received'))], true())"/>
  </xsl:function>

  <!-- The correspondent objects of $actions, as an array; with $typed, each with its action's type. -->
  <xsl:function name="fp:action-objects" as="xs:string">
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="actions" as="element(correspAction)*"/>
    <xsl:param name="typed" as="xs:boolean"/>
    <xsl:variable name="objects" as="xs:string*">
      <xsl:for-each select="$actions">
        <xsl:variable name="agents" as="element()*" select="f:action-agents(.)"/>
        <xsl:variable name="place" as="element()?" select="f:action-place(.)"/>
        <xsl:variable name="place-name" as="xs:string?" select="if ($place) then f:name-string($place) else ()"/>
        <xsl:variable name="date" as="element()?" select="f:action-date(.)"/>
        <xsl:variable name="when" as="xs:string?" select="f:date-iso($date)"/>
        <xsl:variable name="date-text" as="xs:string?" select="f:date-text($date)"/>
        <xsl:variable name="subtype" as="xs:string?" select="@subtype"/>
        <xsl:variable name="type" as="xs:string?" select="if ($typed) then normalize-space(@type) else ()"/>
        <xsl:for-each select="if (exists($agents)) then $agents else .">
          <xsl:variable name="agent" as="element()?" select=".[not(self::correspAction)]"/>
          <xsl:sequence select="fp:correspondent(concat($indent, '  '), $agent/@ref, if ($agent) then f:name-string($agent) else (),
                                                 $place-name, $place/@ref, $when, $date-text, $subtype, $type)"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="fp:array($indent, $objects)"/>
  </xsl:function>

  <!--
    The entity objects of a text (f:plain-json), laid out for $indent.
    Written out here rather than with fp:string: when the text and the
    types and refs (tab-separated) have nothing JSON escapes but the line
    breaks between paragraphs, no value has.
  -->
  <xsl:function name="fp:entities" as="xs:string*">
    <xsl:param name="plain" as="map(*)"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="text" as="xs:string" select="map:get($plain, 'text')"/>
    <xsl:variable name="entities" as="xs:string*" select="map:get($plain, 'entities')"/>
    <xsl:variable name="plain-values" as="xs:boolean"
      select="not(matches(translate(concat($text, string-join($entities, '')), '&#9;&#10;', ''), '[&quot;\\\p{Cc}]'))"/>
    <xsl:variable name="next" as="xs:string" select="concat(',&#10;', $indent, '  &quot;')"/>
    <xsl:for-each select="$entities">
      <xsl:variable name="e" as="xs:string*" select="tokenize(., '&#9;')"/>
      <xsl:variable name="start" as="xs:integer" select="xs:integer($e[1])"/>
      <xsl:variable name="end" as="xs:integer" select="xs:integer($e[2])"/>
      <xsl:variable name="name" as="xs:string" select="substring($text, $start + 1, $end - $start)"/>
      <xsl:sequence select="if ($plain-values)
                            then concat('{&#10;', $indent, '  &quot;type&quot;: &quot;', $e[3], '&quot;',
                                        $next, 'ref&quot;: ', if (exists($e[4])) then concat('&quot;', $e[4], '&quot;') else 'null',
                                        $next, 'start&quot;: ', $start, $next, 'end&quot;: ', $end,
                                        $next, 'text&quot;: &quot;', $name, '&quot;&#10;', $indent, '}')
                            else concat('{&#10;', $indent, '  &quot;type&quot;: ', fp:string($e[3]),
                                        $next, 'ref&quot;: ', fp:string($e[4]),
                                        $next, 'start&quot;: ', $start, $next, 'end&quot;: ', $end,
                                        $next, 'text&quot;: ', fp:string($name), '&#10;', $indent, '}')"/>
    </xsl:for-each>
  </xsl:function>

  <!-- ===== One document ===== -->

  <xsl:function name="f:json-document" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:json-document($tei, f:plain-paragraphs($tei/text))"/>
  </xsl:function>

  <!-- The same, given the marked string of the document's text (f:plain-paragraphs($tei/text)). -->
  <xsl:function name="f:json-document" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="paragraphs" as="xs:string"/>
    <xsl:variable name="main" as="element(correspDesc)?" select="f:main-corresp($tei)"/>
    <xsl:variable name="plain" as="map(*)" select="f:plain-json($paragraphs)"/>
    <xsl:variable name="text" as="xs:string" select="map:get($plain, 'text')"/>
    <xsl:variable name="doc-date" as="element()?" select="$tei/text/front/docDate[1]"/>
    <xsl:variable name="embedded" as="xs:string*">
      <xsl:for-each select="f:other-corresps($tei)">
        <xsl:sequence select="fp:object('    ', ('id', 'sender', 'recipient'), (
            fp:text(@xml:id),
            fp:correspondents('      ', ., 'sent'),
            fp:correspondents('      ', ., 'received')))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="notes" as="xs:string*">
      <xsl:for-each select="f:doc-notes($tei)">
        <xsl:variable name="facts" as="xs:string+" select="fp:note-facts(.)"/>
        <xsl:variable name="id" as="xs:string" select="$facts[1]"/>
        <xsl:variable name="note-plain" as="map(*)" select="f:plain-json(fp:marked(node()))"/>
        <xsl:sequence select="fp:object('    ', ('id', 'n', 'type', 'resp', 'text', 'anchor', 'targets', 'entities'), (
            fp:string($id),
            fp:string($facts[2]),
            fp:string((@type/normalize-space(.)[. != ''], $facts[3])[1]),
            fp:text(@resp),
            fp:string(map:get($note-plain, 'text')),
            fp:number(map:get(map:get($plain, 'notes'), $id)),
            fp:strings('      ', f:local-ids(@target)),
            fp:array('      ', fp:entities($note-plain, '        '))))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="apparatus" as="xs:string*">
      <xsl:for-each select="f:doc-apps($tei)">
        <xsl:variable name="id" as="xs:string" select="f:app-id(.)"/>
        <!-- The lemma's start and end in the text, if it is there. -->
        <xsl:variable name="app-at" as="xs:integer*" select="map:get(map:get($plain, 'apps'), $id)"/>
        <xsl:variable name="lemma" as="element()?" select="f:app-lemma(.)"/>
        <xsl:sequence select="fp:object('    ', ('id', 'start', 'end', 'lem', 'lemWit', 'readings'), (
            fp:string($id),
            fp:number($app-at[1]),
            fp:number($app-at[2]),
            fp:string(if (exists($app-at)) then substring($text, $app-at[1] + 1, $app-at[2] - $app-at[1]) else f:plain-line($lemma/node())),
            fp:text(string-join(f:witness-sigla($lemma/@wit), '; ')),
            fp:array('      ', for $r in f:app-readings(.) return fp:object('        ', ('wit', 'text'), (
                fp:text(string-join(f:witness-sigla($r/@wit), '; ')),
                fp:string(f:plain-line($r/node())))))))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="fp:object('', ('id', 'file', 'n', 'title', 'type', 'date', 'sender', 'recipient', 'steps', 'embedded',
                                         'archive', 'text', 'entities', 'notes', 'apparatus'), (
        fp:string(f:doc-id($tei)),
        fp:string(f:doc-file($tei)),
        fp:string(f:doc-number($tei)),
        fp:string(f:doc-title($tei)),
        fp:string(f:doc-type($tei)),
        fp:date('  ', f:doc-date-attributes($tei), if ($doc-date) then f:plain-line($doc-date/node()) else ()),
        fp:correspondents('  ', $main, 'sent'),
        fp:correspondents('  ', $main, 'received'),
        fp:steps('  ', $main),
        fp:array('  ', $embedded),
        fp:object('  ', ('citation', 'country', 'settlement', 'repository', 'shelfmark', 'fond', 'opis', 'delo', 'folios', 'description'), (
            fp:string(f:archival-citation($tei)),
            fp:string(f:ms-country($tei)),
            fp:string(f:settlement($tei)),
            fp:string(f:repository($tei)),
            fp:string(f:ms-shelfmark($tei)),
            fp:string(f:ms-idno($tei, 'fond')),
            fp:string(f:ms-idno($tei, 'opis')),
            fp:string(f:ms-idno($tei, 'delo')),
            fp:string(f:folios($tei)),
            fp:text(string-join(f:physical-description($tei)/f:plain-line(.), ' ')))),
        fp:string($text),
        fp:array('  ', fp:entities($plain, '    ')),
        fp:array('  ', $notes),
        fp:array('  ', $apparatus)))"/>
  </xsl:function>

</xsl:stylesheet>
