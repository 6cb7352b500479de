trapind1 ; error inside an indirect DO argument and an indirect expression
 set $etrap="write ""trap: "",$piece($zstatus,"","",2,3),! set $ecode="""" quit"
 do p
 write "top after p",!
 quit
p set x="q(0)" do @x
 write "p after do",!
 set y="1/0" set z=@y
 write "p not reached",!
 quit
q(n) write "q ",1/n,! quit
