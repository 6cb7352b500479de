trapxec1 ; error inside an XECUTE of a variable: the trap's QUIT ends the XECUTE only
 set $etrap="write ""trap at "",$stack,"" "",$piece($zstatus,"","",2),! set $ecode="""" quit"
 set cmd="write ""x1"",! set y=1/0 write ""x2"",!"
 do p
 write "top after p",!
 quit
p xecute cmd
 write "p after xecute",!
 quit
