labelmissing1	; a missing label: LABELMISSING naming it when the reference names a routine,
	; is indirect, is in XECUTE text or is ZGOTO's; a plain label in the routine's own code
	; gives LABELUNKNOWN (DO, extrinsic) or LABELNOTFND (GOTO)
	set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
	do a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11
	quit
a1	do nolab^labelmissing1 quit
a2	set x=$$nolab^labelmissing1 quit
a3	set r="nolab^labelmissing1" do @r quit
a4	set r="nolab" do @r quit
a5	goto nolab^labelmissing1
a6	xecute "do nolab" quit
a7	xecute "goto nolab" quit
a8	zgoto $zlevel:nolab
a9	do nolab quit
a10	set x=$$nolab quit
a11	goto nolab
