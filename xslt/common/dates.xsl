<?xml version="1.0" encoding="UTF-8"?>
<!--
  dates.xsl: TEI dates (att.datable.w3c) as ISO 8601 values, sort keys,
  HTML datetime values and readable labels. The stylesheets never read the
  clock: the only "now" is the $generated-date parameter.
  No mode: functions only.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:edition:functions"
  xmlns:fp="urn:edition:private"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:variable name="fp:month-names" as="xs:string+"
    select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
             'August', 'September', 'October', 'November', 'December')"/>

  <!--
    Patterns below: an ISO 8601 date, year-month or year is '^\d{4}(-\d{2}(-\d{2})?)?$'; an ISO
    date and time as HTML accepts it in datetime is '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$'.
    They are written out where they are used: SaxonJS compiles a pattern held in a variable at every call.
  -->

  <!--
    The date's value in ISO 8601: @when; an interval 'start/end' from
    @from/@to or @notBefore/@notAfter, with '..' for an open end (ISO
    8601-2); () when the element carries no dating attribute.
  -->
  <xsl:function name="f:date-iso" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="start" as="xs:string?" select="($date/@from, $date/@notBefore)[normalize-space(.) != ''][1]"/>
    <xsl:variable name="end" as="xs:string?" select="($date/@to, $date/@notAfter)[normalize-space(.) != ''][1]"/>
    <xsl:sequence select="
        if (normalize-space($date/@when) != '') then normalize-space($date/@when)
        else if (exists($start) or exists($end))
          then concat(if (exists($start)) then normalize-space($start) else '..', '/',
                      if (exists($end)) then normalize-space($end) else '..')
        else ()"/>
  </xsl:function>

  <!-- A key that sorts dates chronologically as strings: the earliest bound, or '' when undated. -->
  <xsl:function name="f:date-sort-key" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)
                                 [normalize-space(.) != ''][1])"/>
  </xsl:function>

  <!-- A value for <time datetime>: the earliest bound when it is a plain ISO date (or date and time), else (). -->
  <xsl:function name="f:date-datetime" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="key" as="xs:string" select="normalize-space(f:date-sort-key($date))"/>
    <!-- A plain ISO date in ASCII digits is recognised without a regular expression (one costs SaxonJS several microseconds). -->
    <xsl:sequence select="if (contains('|0000-00-00|0000|0000-00|', concat('|', translate($key, '0123456789', '0000000000'), '|'))) then $key
                          else if (matches($key, '^\d{4}(-\d{2}(-\d{2})?)?$') or matches($key, '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$')) then $key else ()"/>
  </xsl:function>

  <!-- '21 March 1920', 'March 1920' or '1920' for an ISO date; other strings unchanged. -->
  <xsl:function name="f:iso-label" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize($iso, '-')"/>
    <xsl:sequence select="
        if (not(matches($iso, '^\d{4}(-\d{2}(-\d{2})?)?$'))) then $iso
        else if (count($parts) = 1) then $parts[1]
        else if (number($parts[2]) ge 1 and number($parts[2]) le 12)
          then string-join((if (count($parts) = 3) then string(xs:integer($parts[3])) else (),
                            $fp:month-names[xs:integer($parts[2])], $parts[1]), ' ')
        else $iso"/>
  </xsl:function>

  <!-- A readable label made from the dating attributes alone ('between 20 March 1920 and 21 March 1920'). -->
  <xsl:function name="f:date-attribute-label" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="when" as="xs:string" select="normalize-space($date/@when)"/>
    <xsl:variable name="from" as="xs:string" select="normalize-space(($date/@from, $date/@notBefore)[1])"/>
    <xsl:variable name="to" as="xs:string" select="normalize-space(($date/@to, $date/@notAfter)[1])"/>
    <xsl:variable name="bounds" as="xs:boolean" select="exists($date/(@notBefore | @notAfter))"/>
    <xsl:sequence select="
        if ($when != '') then f:iso-label($when)
        else if ($from != '' and $to != '')
          then concat(if ($bounds) then 'between ' else 'from ', f:iso-label($from),
                      if ($bounds) then ' and ' else ' to ', f:iso-label($to))
        else if ($from != '') then concat(if ($bounds) then 'not before ' else 'from ', f:iso-label($from))
        else if ($to != '') then concat(if ($bounds) then 'not after ' else 'until ', f:iso-label($to))
        else ()"/>
  </xsl:function>

  <!-- The date as the source words it, or failing that as its attributes give it, or (). -->
  <xsl:function name="f:date-text" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:variable name="words" as="xs:string" select="normalize-space(string($date))"/>
    <xsl:sequence select="if ($words != '') then $words else f:date-attribute-label($date)"/>
  </xsl:function>

</xsl:stylesheet>
