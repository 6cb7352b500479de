xecval1 ; QUIT with a value in XECUTE is an error; trapped
 set $etrap="write ""trapped: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 do p
 write "end",!
 quit
p xecute "quit 5"
 write "p after",!
 quit
