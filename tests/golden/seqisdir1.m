seqisdir1 ; OPEN of a folder as a sequential file is GTMEISDIR, whatever the mode
 set $etrap="write $piece($zstatus,"","",3,9),"" "",$ecode,! set $ecode="""" quit"
 do t("/tmp",1),t("/tmp/",0),t("/tmp",2),t("/tmp",3)
 write "done",!
 quit
t(p,m) if m=1 open p:(readonly)
 if m=0 open p
 if m=2 open p:(newversion)
 if m=3 open p:(readonly:fixed:recordsize=512)
 write "opened ",p,!
 quit
